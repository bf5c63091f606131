using Microsoft.CodeAnalysis;

namespace GanDsl.Generators;

/// <summary>Turns attribute-declared layer stacks into modules (work in progress).</summary>
[Generator(LanguageNames.CSharp)]
public sealed class GanDslGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
    }
}

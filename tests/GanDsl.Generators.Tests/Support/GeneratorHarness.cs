extern alias Generator;

using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Generator::GanDsl.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GanDsl.Generators.Tests.Support;

/// <summary>Runs <see cref="GanDslGenerator"/> over in-memory sources against .NET 10 and GanDsl.Core.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> References =
        Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(GanDsl.Tensors.Tensor).Assembly.Location))
            .ToImmutableArray();

    public static CSharpCompilation Compilation(params string[] sources)
    {
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Net{i}.cs"));
        return CSharpCompilation.Create("UserNets", trees, References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    public static GeneratorDriver Driver(bool track = true) =>
        CSharpGeneratorDriver.Create(new[] { new GanDslGenerator().AsSourceGenerator() }, parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    /// <summary>Generator diagnostics, generated sources (hint name → text) and the compilation with them added.</summary>
    public static GeneratorOutcome Run(params string[] sources)
    {
        var compilation = Compilation(sources);
        var driver = Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var run = driver.GetRunResult();
        var generated = run.Results.SelectMany(r => r.GeneratedSources)
            .ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        return new GeneratorOutcome(generatorDiagnostics, generated, (CSharpCompilation)output, run.Results.Single().Exception);
    }

    /// <summary>Compiler diagnostics (warnings and errors) of the generated code compiled with the runtime stub.</summary>
    public static ImmutableArray<Diagnostic> CompileWithRuntime(GeneratorOutcome outcome) =>
        outcome.Output.AddSyntaxTrees(CSharpSyntaxTree.ParseText(RuntimeStub.Source, ParseOptions, path: "RuntimeStub.cs"))
            .GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
}

internal sealed record GeneratorOutcome(
    ImmutableArray<Diagnostic> Diagnostics,
    IReadOnlyDictionary<string, string> Sources,
    CSharpCompilation Output,
    Exception? Exception);

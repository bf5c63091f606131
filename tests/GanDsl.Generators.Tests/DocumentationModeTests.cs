extern alias Generator;

using GanDsl.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GanDsl.Generators.Tests;

/// <summary>
/// A user's project that builds its XML documentation (GenerateDocumentationFile, so CS1591 is on) with warnings as errors
/// must not fail on the code GanDsl writes into it: nets, blocks, progressive nets, pairs, stubs and Torch classes.
/// </summary>
public class DocumentationModeTests
{
    private static readonly CSharpParseOptions DocumentedParse = GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);

    [Theory]
    [InlineData(SampleNets.Vanilla)]
    [InlineData(SampleNets.Dcgan)]
    [InlineData(SampleNets.Conditional)]
    [InlineData(SampleNets.LabelTerms)]
    [InlineData(SampleNets.Progressive)]
    public void Generated_code_raises_no_missing_documentation_warning(string source)
    {
        var user = CSharpSyntaxTree.ParseText(source, DocumentedParse, path: "Nets.cs");
        var compilation = GeneratorHarness.TorchCompilation().AddSyntaxTrees(user);
        var driver = CSharpGeneratorDriver.Create([new Generator::GanDsl.Generators.GanDslGenerator().AsSourceGenerator()], parseOptions: DocumentedParse);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);

        var generatedTrees = output.SyntaxTrees.Where(t => t.FilePath != "Nets.cs").ToList();
        Assert.NotEmpty(generatedTrees);
        var missing = output.GetDiagnostics()
            .Where(d => d.Id == "CS1591" && d.Location.SourceTree is { } tree && tree.FilePath != "Nets.cs")
            .Select(d => d.ToString()).ToList();
        Assert.True(missing.Count == 0, "generated code lacks documentation:\n" + string.Join("\n", missing));
        // The check is live: the user's own undocumented public classes do get CS1591.
        Assert.Contains(output.GetDiagnostics(), d => d.Id == "CS1591" && d.Location.SourceTree?.FilePath == "Nets.cs");
    }

    [Fact]
    public void A_stub_for_a_broken_stack_raises_none_either()
    {
        const string broken = """
            using GanDsl;
            [GanDiscriminator(1, 28, 28)] [Conv2d(8, 4, 2, 1)] [Linear(1)] public partial class NoFlatten;
            """;
        Generated_code_raises_no_missing_documentation_warning(broken);
    }
}

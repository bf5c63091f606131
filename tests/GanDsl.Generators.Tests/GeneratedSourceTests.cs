using GanDsl.Generators.Tests.Support;

namespace GanDsl.Generators.Tests;

public class GeneratedSourceTests
{
    [Theory]
    [InlineData(nameof(SampleNets.Vanilla), SampleNets.Vanilla)]
    [InlineData(nameof(SampleNets.Dcgan), SampleNets.Dcgan)]
    [InlineData(nameof(SampleNets.LabelTerms), SampleNets.LabelTerms)]
    [InlineData(nameof(SampleNets.Conditional), SampleNets.Conditional)]
    public void Generated_source_matches_snapshot(string name, string source)
    {
        var outcome = GeneratorHarness.Run(source);

        Assert.Null(outcome.Exception);
        Assert.Empty(outcome.Diagnostics);
        var all = string.Concat(outcome.Sources.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => "// ==== " + p.Key + " ====\n" + p.Value + "\n"));
        Snapshot.Verify(all, name);
    }

    [Theory]
    [InlineData(SampleNets.Vanilla)]
    [InlineData(SampleNets.Dcgan)]
    [InlineData(SampleNets.Conditional)]
    [InlineData(SampleNets.LabelTerms)]
    public void Generated_source_compiles_against_the_runtime_contract_without_warnings(string source)
    {
        var outcome = GeneratorHarness.Run(source);

        Assert.Empty(GeneratorHarness.CompileWithRuntime(outcome).Select(d => d.ToString()));
    }

    [Fact]
    public void One_source_per_class_and_identical_output_for_identical_input()
    {
        var first = GeneratorHarness.Run(SampleNets.Vanilla);
        var second = GeneratorHarness.Run(SampleNets.Vanilla);

        Assert.Equal(new[] { "Samples.VanillaDiscriminator.g.cs", "Samples.VanillaGan.g.cs", "Samples.VanillaGenerator.g.cs" },
            first.Sources.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(first.Sources.OrderBy(p => p.Key), second.Sources.OrderBy(p => p.Key));
    }

    [Fact]
    public void Layer_order_follows_source_position_and_named_constants_bind()
    {
        const string source = """
            using GanDsl;
            static class Sizes { public const int Hidden = 32; }
            [GanGenerator(LatentDim = 8)]
            [Linear(Sizes.Hidden)] [ReLU]
            [Linear(4), Tanh]
            public partial class Ordered;
            """;
        var text = GeneratorHarness.Run(source).Sources["Ordered.g.cs"];

        int first = text.IndexOf("new global::GanDsl.Nn.Linear(8, 32, true)", StringComparison.Ordinal);
        int relu = text.IndexOf("Register(\"1\", new global::GanDsl.Nn.ReLU())", StringComparison.Ordinal);
        int second = text.IndexOf("Register(\"2\", new global::GanDsl.Nn.Linear(32, 4, true))", StringComparison.Ordinal);
        Assert.True(first > 0 && relu > first && second > relu, text);
    }

    [Fact]
    public void Nested_net_in_partial_types_compiles()
    {
        const string source = """
            using GanDsl;
            namespace Outer.Space;
            public static partial class Models
            {
                [GanGenerator(LatentDim = 2)]
                [Linear(3), Sigmoid]
                public partial class Tiny;
            }
            """;
        var outcome = GeneratorHarness.Run(source);

        Assert.Empty(outcome.Diagnostics);
        Assert.Contains("Outer.Space.Models.Tiny.g.cs", outcome.Sources.Keys);
        Assert.Empty(GeneratorHarness.CompileWithRuntime(outcome).Select(d => d.ToString()));
    }
}

extern alias Generator;

using GanDsl.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Steps = Generator::GanDsl.Generators.GanDslGenerator.Steps;

namespace GanDsl.Generators.Tests;

/// <summary>
/// The nested Torch classes: emitted only when the compilation references TorchSharp and GanDsl.TorchSharp, compiled
/// against the real TorchSharp API, snapshotted, and cached so that adding or removing the reference reruns only them.
/// </summary>
public class TorchEmissionTests
{
    private static IEnumerable<KeyValuePair<string, string>> TorchSources(GeneratorOutcome outcome) =>
        outcome.Sources.Where(p => p.Key.EndsWith(".Torch.g.cs", StringComparison.Ordinal)).OrderBy(p => p.Key, StringComparer.Ordinal);

    [Theory]
    [InlineData(nameof(SampleNets.LabelTerms), SampleNets.LabelTerms)]
    [InlineData(nameof(SampleNets.Conditional), SampleNets.Conditional)]
    [InlineData(nameof(SampleNets.Dcgan), SampleNets.Dcgan)]
    [InlineData(nameof(SampleNets.Progressive), SampleNets.Progressive)]
    public void Torch_classes_match_snapshot(string name, string source)
    {
        var outcome = GeneratorHarness.RunWithTorch(source);

        Assert.Null(outcome.Exception);
        Assert.Empty(outcome.Diagnostics);
        Snapshot.Verify(string.Concat(TorchSources(outcome).Select(p => "// ==== " + p.Key + " ====\n" + p.Value + "\n")), "Torch" + name);
    }

    [Theory]
    [InlineData(SampleNets.Vanilla)]
    [InlineData(SampleNets.Dcgan)]
    [InlineData(SampleNets.Conditional)]
    [InlineData(SampleNets.LabelTerms)]
    [InlineData(SampleNets.Progressive)]
    public void Torch_classes_compile_against_TorchSharp_without_warnings(string source)
    {
        var outcome = GeneratorHarness.RunWithTorch(source);

        Assert.NotEmpty(TorchSources(outcome));
        Assert.Empty(GeneratorHarness.CompileWithRuntime(outcome).Select(d => d.ToString()));
    }

    [Fact]
    public void Every_net_block_and_progressive_net_gets_one_Torch_class_and_pairs_get_none()
    {
        var outcome = GeneratorHarness.RunWithTorch(SampleNets.Vanilla, SampleNets.Progressive);

        Assert.Equal(
            ["Samples.Growing.G2.Torch.g.cs", "Samples.Growing.G4.Torch.g.cs", "Samples.Growing.PG.Torch.g.cs",
             "Samples.VanillaDiscriminator.Torch.g.cs", "Samples.VanillaGenerator.Torch.g.cs"],
            TorchSources(outcome).Select(p => p.Key));
    }

    [Fact]
    public void Without_TorchSharp_nothing_extra_is_emitted()
    {
        var plain = GeneratorHarness.Run(SampleNets.Conditional);
        var torchOnly = GeneratorHarness.Run(GeneratorHarness.Compilation(SampleNets.Conditional)
            .AddReferences(GeneratorHarness.TorchReferences[0]));

        Assert.Empty(TorchSources(plain));
        Assert.Empty(TorchSources(torchOnly));
        Assert.Equal(plain.Sources.Keys.Order(), torchOnly.Sources.Keys.Order());
        Assert.Empty(GeneratorHarness.CompileWithRuntime(torchOnly));
    }

    [Fact]
    public void Adding_the_reference_runs_only_the_Torch_step_and_removing_it_removes_only_the_Torch_classes()
    {
        var plain = GeneratorHarness.Compilation(SampleNets.Vanilla, SampleNets.Conditional);
        var driver = GeneratorHarness.Driver().RunGenerators(plain);

        var added = driver.RunGenerators(plain.AddReferences(GeneratorHarness.TorchReferences));
        var addedResult = added.GetRunResult().Results.Single();
        AssertManagedStepsKept(addedResult);
        var newTorch = Outputs(addedResult, Steps.TorchModels);
        Assert.Equal(5, newTorch.Count); // 2 vanilla nets + 3 conditional ones (pairs get none)
        Assert.All(newTorch, o => Assert.Equal(IncrementalStepRunReason.New, o.Reason));
        Assert.Equal(5, addedResult.GeneratedSources.Count(s => s.HintName.EndsWith(".Torch.g.cs", StringComparison.Ordinal)));

        var removed = added.RunGenerators(plain).GetRunResult().Results.Single();
        AssertManagedStepsKept(removed);
        Assert.All(Outputs(removed, Steps.TorchModels), o => Assert.Equal(IncrementalStepRunReason.Removed, o.Reason));
        Assert.DoesNotContain(removed.GeneratedSources, s => s.HintName.EndsWith(".Torch.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void With_the_reference_an_unrelated_edit_leaves_the_Torch_classes_cached()
    {
        var compilation = GeneratorHarness.TorchCompilation(SampleNets.Vanilla, "class Unrelated { int X => 1; }");
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        var unrelated = compilation.SyntaxTrees.Last();
        var edited = compilation.ReplaceSyntaxTree(unrelated,
            CSharpSyntaxTree.ParseText("class Unrelated { int X => 2; }", GeneratorHarness.ParseOptions, path: unrelated.FilePath));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var torch = Outputs(result, Steps.TorchModels);
        Assert.Equal(2, torch.Count);
        Assert.All(torch, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    /// <summary>Parsing and the managed nets' models are untouched by a reference change: nothing there reruns.</summary>
    private static void AssertManagedStepsKept(GeneratorRunResult result)
    {
        foreach (var step in new[] { Steps.ParseGenerators, Steps.ParseDiscriminators, Steps.NetModels })
        {
            var outputs = Outputs(result, step);
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {o.Reason}"));
        }
        Assert.Contains(Outputs(result, Steps.TorchReference), o => o.Reason == IncrementalStepRunReason.Modified);
    }

    private static List<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult result, string step) =>
        result.TrackedSteps.TryGetValue(step, out var steps) ? steps.SelectMany(s => s.Outputs).ToList() : [];
}

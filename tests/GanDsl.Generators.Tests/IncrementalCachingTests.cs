extern alias Generator;

using GanDsl.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Steps = Generator::GanDsl.Generators.GanDslGenerator.Steps;

namespace GanDsl.Generators.Tests;

public class IncrementalCachingTests
{
    private static readonly string[] TrackedSteps =
    {
        Steps.ParseGenerators, Steps.ParseDiscriminators, Steps.ParseGans, Steps.NetModels, Steps.GanModels,
        Steps.NetDiagnostics, Steps.PairDiagnostics, Steps.Stubs, Steps.RangedGenerators, Steps.RangeGuesses,
    };

    [Fact]
    public void Unrelated_edit_leaves_every_step_cached_or_unchanged()
    {
        var compilation = GeneratorHarness.Compilation(SampleNets.Vanilla, SampleNets.Dcgan, "class Unrelated { int X => 1; }");
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        var unrelated = compilation.SyntaxTrees.Last();
        var edited = compilation.ReplaceSyntaxTree(unrelated,
            CSharpSyntaxTree.ParseText("class Unrelated { int X => 2; int Y => 3; }", GeneratorHarness.ParseOptions, path: unrelated.FilePath));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var reasons = TrackedSteps.Where(result.TrackedSteps.ContainsKey)
            .SelectMany(name => result.TrackedSteps[name].SelectMany(step => step.Outputs).Select(o => (name, o.Reason)))
            .ToList();
        Assert.Contains(reasons, r => r.name == Steps.NetModels);
        Assert.All(reasons, r => Assert.True(r.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{r.name}: {r.Reason}"));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Editing_one_net_leaves_the_other_nets_unchanged()
    {
        var compilation = GeneratorHarness.Compilation(SampleNets.Vanilla, SampleNets.Dcgan);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        var dcganTree = compilation.SyntaxTrees.ElementAt(1);
        var edited = compilation.ReplaceSyntaxTree(dcganTree, CSharpSyntaxTree.ParseText(
            SampleNets.Dcgan.Replace("ConvTranspose2d(256, 7, 1, 0, Bias = false), BatchNorm2d, ReLU]", "ConvTranspose2d(256, 7, 1, 0, Bias = false), BatchNorm2d, LeakyReLU(0.2)]"),
            GeneratorHarness.ParseOptions, path: dcganTree.FilePath));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var models = result.TrackedSteps[Steps.NetModels].SelectMany(s => s.Outputs).ToList();
        var changed = models.Where(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New).ToList();
        var kept = models.Where(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged).ToList();
        Assert.Single(changed);
        Assert.Contains("DcganGenerator", changed[0].Value.ToString());
        Assert.Equal(3, kept.Count); // VanillaGenerator, VanillaDiscriminator, DcganDiscriminator
        var sources = result.GeneratedSources.Single(s => s.HintName == "Samples.DcganGenerator.g.cs").SourceText.ToString();
        Assert.Contains("new global::GanDsl.Nn.LeakyReLU(0.2d)", sources);
    }

    [Fact]
    public void Editing_the_recipe_reruns_only_the_pair()
    {
        const string nets = """
            using GanDsl;
            namespace Samples;
            [GanGenerator(LatentDim = 8)] [Linear(16), ReLU, Linear(4), Tanh] public partial class G;
            [GanDiscriminator(4)] [Linear(16), LeakyReLU(0.2), Linear(1)] public partial class Critic;
            """;
        const string pair = """
            using GanDsl;
            using GanDsl.Training;
            namespace Samples;
            [Gan<G, Critic>(Loss = GanLoss.Wasserstein, GradientPenalty = 10, CriticSteps = 5)] public partial class Wgan;
            """;
        var compilation = GeneratorHarness.Compilation(nets, pair);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var pairTree = compilation.SyntaxTrees.Last();
        var edited = compilation.ReplaceSyntaxTree(pairTree, CSharpSyntaxTree.ParseText(
            pair.Replace("GradientPenalty = 10, CriticSteps = 5", "GradientPenalty = 5, CriticSteps = 3"), GeneratorHarness.ParseOptions, path: pairTree.FilePath));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Empty(result.Diagnostics);
        var parsedNets = new[] { Steps.ParseGenerators, Steps.ParseDiscriminators, Steps.NetModels, Steps.RangedGenerators }
            .Where(result.TrackedSteps.ContainsKey).SelectMany(name => result.TrackedSteps[name].SelectMany(step => step.Outputs).Select(o => (name, o.Reason))).ToList();
        Assert.Equal(2, parsedNets.Count(r => r.name == Steps.NetModels)); // G and Critic, both kept
        Assert.All(parsedNets, r => Assert.True(r.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{r.name}: {r.Reason}"));
        var pairModel = Assert.Single(result.TrackedSteps[Steps.GanModels].SelectMany(s => s.Outputs));
        Assert.Equal(IncrementalStepRunReason.Modified, pairModel.Reason);

        var after = result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var changed = before.Keys.Where(k => before[k] != after[k]).ToList();
        Assert.Equal(new[] { "Samples.Wgan.g.cs" }, changed);
        Assert.Contains("GradientPenalty = 5d, CriticSteps = 3", after["Samples.Wgan.g.cs"]);
    }
}

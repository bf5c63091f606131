using GanDsl.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace GanDsl.Generators.Tests;

/// <summary>
/// Arguments at the edges (NaN, infinities, int.MinValue/MaxValue, null, missing) never make the generator throw or
/// fail internally, and never cause an error inside generated code: every error (a GAN diagnostic, or the compiler's
/// own for an argument that does not bind) is at the user's declaration. Some are valid (Linear(int.MaxValue) after
/// four inputs is 10.7 billion parameters, which fits the counts) and compile.
/// </summary>
public class HostileArgumentTests
{
    public static TheoryData<string> Declarations => new()
    {
        "[GanGenerator(LatentDim = 4)] [Linear(8), Dropout(double.NaN), Tanh] public partial class N;",
        "[GanGenerator(LatentDim = 4)] [Linear(8), LeakyReLU(double.NegativeInfinity), Tanh] public partial class N;",
        "[GanGenerator(LatentDim = 4)] [Linear(int.MaxValue), Tanh] public partial class N;",
        "[GanGenerator(LatentDim = 4)] [Linear(int.MaxValue), Linear(int.MaxValue), Tanh] public partial class N;",
        "[GanGenerator(LatentDim = 4)] [Linear(int.MinValue), Tanh] public partial class N;",
        "[GanGenerator(LatentDim = 4)] [Linear(8), Reshape(null), Tanh] public partial class N;",
        "[GanGenerator(LatentDim = 4)] [Linear(8), Reshape(int.MaxValue, int.MaxValue), Tanh] public partial class N;",
        "[GanGenerator(LatentDim = 4)] [Reshape(4, 1, 1), Upsample(int.MaxValue), Tanh] public partial class N;",
        "[GanGenerator(LatentDim = 4)] [Reshape(4, 1, 1), ConvTranspose2d(1, int.MaxValue, int.MaxValue), Tanh] public partial class N;",
        "[GanGenerator(LatentDim = 4)] [Reshape(4, 1, 1), ConvTranspose2d(2, 3, int.MaxValue, 0, int.MaxValue - 1), Tanh] public partial class N;",
        "[GanDiscriminator(1, 8, 8)] [Conv2d(int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue)] public partial class N;",
        "[GanDiscriminator(1, 8, 8)] [Conv2d(1, 1, 1, int.MaxValue)] public partial class N;",
        "[GanDiscriminator(1, 8, 8)] [MaxPool2d(int.MaxValue, int.MinValue)] public partial class N;",
        "[GanDiscriminator(int.MaxValue, int.MaxValue, int.MaxValue)] [Flatten, Linear(1)] public partial class N;",
        "[GanDiscriminator(null)] [Linear(1)] public partial class N;",
        "[GanDiscriminator(2, Classes = int.MaxValue)] [Linear(1)] public partial class N;",
        "[GanGenerator(LatentDim = int.MaxValue, Classes = int.MaxValue)] [Linear(2), Tanh] public partial class N;",
        "[GanGenerator(LatentDim = int.MinValue)] [Linear(2), Tanh] public partial class N;",
        "[GanGenerator(LatentDim = 4)] [Linear] public partial class N;",
        "[GanGenerator(LatentDim = 4)] [Linear(\"wide\")] public partial class N;",
        "[GanGenerator(LatentDim = 4)] [Linear(8, Bias = null)] public partial class N;",
        "[GanGenerator(LatentDim = 4, Init = (Init)7)] [Linear(8), Tanh] public partial class N;",
        "[GanBlock(0)] [Linear(8)] public partial class N;",
        "[ProgressiveGenerator(null)] public partial class N;",
        "[ProgressiveGenerator(typeof(int), ImageChannels = int.MinValue)] public partial class N;",
        Pair + "[Gan<G, D>(GradientPenalty = double.NaN, R1 = double.NegativeInfinity)] public partial class N;",
        Pair + "[Gan<G, D>(GradientPenalty = double.MaxValue, R1 = double.Epsilon, CriticSteps = int.MaxValue)] public partial class N;",
        Pair + "[Gan<G, D>(CriticSteps = int.MinValue, Loss = (GanDsl.Training.GanLoss)int.MinValue, DataRange = (DataRange)int.MaxValue)] public partial class N;",
        Pair + "[Gan<G, D>(Loss = 3)] public partial class N;",
        Pair + "[Gan<G, D>(GradientPenalty = \"ten\", DataRange = null)] public partial class N;",
        Pair + "[Gan<G, D>(Loss = GanDsl.Training.GanLoss.Hinge, Loss = GanDsl.Training.GanLoss.Wasserstein)] public partial class N;",
        Pair + "[Gan<G, Missing>(GradientPenalty = -1)] public partial class N;",
    };

    /// <summary>A generator and a discriminator that fit, for the recipe cases.</summary>
    private const string Pair = "[GanGenerator(LatentDim = 4)] [Linear(2), Tanh] public partial class G; [GanDiscriminator(2)] [Linear(4), Linear(1)] public partial class D; ";

    /// <summary>Recipe arguments no run can use, each marked: every one gets its own GAN0022 at the argument, and nothing else fails.</summary>
    public static TheoryData<string> HostileRecipes => new()
    {
        "[|GradientPenalty = double.NaN|], [|R1 = double.NegativeInfinity|]",
        "[|GradientPenalty = double.PositiveInfinity|], [|R1 = -1e-300|]",
        "[|GradientPenalty = 1e300|], R1 = double.Epsilon, [|CriticSteps = int.MaxValue|]",
        "[|CriticSteps = int.MinValue|], [|Loss = (GanDsl.Training.GanLoss)int.MinValue|], [|DataRange = (DataRange)int.MaxValue|]",
        "[|Loss = (GanDsl.Training.GanLoss)5|], [|CriticSteps = 0|], [|DataRange = (DataRange)2|]",
        "Loss = GanDsl.Training.GanLoss.Wasserstein, [|CriticSteps = 1001|], GradientPenalty = 3.4e38",
    };

    [Theory]
    [MemberData(nameof(HostileRecipes))]
    public void Each_hostile_recipe_value_gets_its_own_GAN0022_and_the_pair_still_compiles(string arguments)
    {
        var (source, spans) = Markup.ParseAll("using GanDsl;\n" + Pair + "[Gan<G, D>(" + arguments + ")] public partial class N;"
            + " public static class User { public static object Use() => N.DefaultConfig.Loss.ToString() + N.Recipe + new N(1).Generator.LatentDim; }");
        var outcome = GeneratorHarness.Run(source);

        Assert.Null(outcome.Exception);
        Assert.All(outcome.Diagnostics, d => Assert.Equal("GAN0022", d.Id));
        Assert.Equal(spans, outcome.Diagnostics.Select(d => d.Location.SourceSpan).OrderBy(s => s.Start));
        Assert.All(outcome.Diagnostics, d => Assert.StartsWith("[Gan<...>] on 'N': ", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Empty(GeneratorHarness.CompileWithRuntime(outcome).Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Theory]
    [MemberData(nameof(Declarations))]
    public void Edge_arguments_give_a_diagnostic_at_the_declaration_never_a_crash(string declaration)
    {
        var outcome = GeneratorHarness.Run("using GanDsl;\n" + declaration);

        Assert.Null(outcome.Exception);
        Assert.DoesNotContain(outcome.Diagnostics, d => d.Id == "GAN0018");
        var errors = outcome.Diagnostics.Concat(GeneratorHarness.CompileWithRuntime(outcome)).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.All(errors, e => Assert.True(e.Location.IsInSource && e.Location.SourceTree!.FilePath == "Net0.cs", $"{e} is not in the user's file"));
    }
}

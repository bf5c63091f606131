using GanDsl.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace GanDsl.Generators.Tests;

/// <summary>
/// The recipe diagnostics of [Gan&lt;G, D&gt;(…)]: each id with its exact message, span (marked <c>[|...|]</c>) and severity,
/// and a valid recipe that raises nothing. The nets are small and within a factor of 20 of each other's size.
/// </summary>
public class RecipeDiagnosticTests
{
    /// <summary>G: 40 parameters, ends in Tanh.</summary>
    private const string G = "[GanGenerator(LatentDim = 4)] [Linear(8), Tanh] public partial class G;";

    /// <summary>A critic with batch norm (49 parameters).</summary>
    private const string BatchNormCritic = "[GanDiscriminator(8)] [Linear(4), BatchNorm1d, LeakyReLU(0.2), Linear(1)] public partial class D;";

    /// <summary>A critic without normalisation (41 parameters).</summary>
    private const string Critic = "[GanDiscriminator(8)] [Linear(4), LeakyReLU(0.2), Linear(1)] public partial class D;";

    private const string SigmoidDiscriminator = "[GanDiscriminator(8)] [Linear(4), LeakyReLU(0.2), Linear(1), Sigmoid] public partial class D;";

    public static TheoryData<string, DiagnosticSeverity, string, string> Cases => new()
    {
        {
            "GAN0022", DiagnosticSeverity.Error,
            "[Gan<...>] on 'P': GradientPenalty must be a finite number from 0 to 3.4E+38 but is NaN; use a weight such as 10, or 0 for none",
            G + Critic + "[Gan<G, D>([|GradientPenalty = double.NaN|])] public partial class P;"
        },
        {
            "GAN0022", DiagnosticSeverity.Error,
            "[Gan<...>] on 'P': R1 must be a finite number from 0 to 3.4E+38 but is 1E+39; use a weight such as 1, or 0 for none",
            G + Critic + "[Gan<G, D>(Loss = GanDsl.Training.GanLoss.Hinge, [|R1 = 1e39|])] public partial class P;"
        },
        {
            "GAN0022", DiagnosticSeverity.Error,
            "[Gan<...>] on 'P': CriticSteps must be a whole number from 1 to 1000 but is -5; use 1, or 5 for a Wasserstein critic",
            G + Critic + "[Gan<G, D>([|CriticSteps = -5|])] public partial class P;"
        },
        {
            "GAN0022", DiagnosticSeverity.Error,
            "[Gan<...>] on 'P': Loss 42 is not one of Minimax, NonSaturating, LeastSquares, Hinge, Wasserstein; use one of GanLoss's named values",
            G + Critic + "[Gan<G, D>([|Loss = (GanDsl.Training.GanLoss)42|])] public partial class P;"
        },
        {
            "GAN0022", DiagnosticSeverity.Error,
            "[Gan<...>] on 'P': DataRange -1 is not one of MinusOneToOne, ZeroToOne; use DataRange.MinusOneToOne or DataRange.ZeroToOne",
            G + Critic + "[Gan<G, D>([|DataRange = (DataRange)(-1)|])] public partial class P;"
        },
        {
            "GAN0023", DiagnosticSeverity.Error,
            "Loss Wasserstein needs raw discriminator scores but 'D' ends in Sigmoid; remove the Sigmoid or use Minimax or NonSaturating",
            G + SigmoidDiscriminator + "[Gan<G, D>([|Loss = GanDsl.Training.GanLoss.Wasserstein|], CriticSteps = 5)] public partial class P;"
        },
        {
            "GAN0023", DiagnosticSeverity.Error,
            "Loss LeastSquares needs raw discriminator scores but 'D' ends in Sigmoid; remove the Sigmoid or use Minimax or NonSaturating",
            G + SigmoidDiscriminator + "[Gan<G, D>([|Loss = GanDsl.Training.GanLoss.LeastSquares|])] public partial class P;"
        },
        {
            "GAN0024", DiagnosticSeverity.Warning,
            "'D' is trained with a gradient penalty but normalises with BatchNorm1d at layer 2, which ties each sample's score to the rest of its batch; use LayerNorm instead",
            G + BatchNormCritic + "[Gan<G, D>(Loss = GanDsl.Training.GanLoss.Wasserstein, [|GradientPenalty = 10|], CriticSteps = 5)] public partial class P;"
        },
        {
            "GAN0024", DiagnosticSeverity.Warning,
            "'D' is trained with an R1 penalty but normalises with BatchNorm1d at layer 2, which ties each sample's score to the rest of its batch; use LayerNorm instead",
            G + BatchNormCritic + "[Gan<G, D>([|R1 = 0.1|])] public partial class P;"
        },
        {
            "GAN0024", DiagnosticSeverity.Warning,
            "'C' is trained with a gradient penalty and an R1 penalty but normalises with BatchNorm2d at layer 3, which ties each sample's score to the rest of its batch; use LayerNorm or InstanceNorm2d instead",
            "[GanGenerator(LatentDim = 4)] [Linear(16), Tanh, Reshape(1, 4, 4)] public partial class GI;"
            + "[GanDiscriminator(1, 4, 4)] [Conv2d(4, 3), LeakyReLU(0.2), BatchNorm2d, Flatten, Linear(1)] public partial class C;"
            + "[Gan<GI, C>([|GradientPenalty = 10|], R1 = 1)] public partial class P;"
        },
        {
            "GAN0025", DiagnosticSeverity.Warning,
            "Generator 'G' ends in Tanh at layer 2, whose values in [-1, 1] do not match data in [0, 1]; end it with [Sigmoid] or use DataRange.MinusOneToOne",
            G + Critic + "[Gan<G, D>([|DataRange = DataRange.ZeroToOne|])] public partial class P;"
        },
        {
            "GAN0025", DiagnosticSeverity.Warning,
            "Generator 'GS' ends in Sigmoid at layer 2, whose values in [0, 1] cannot cover data in [-1, 1]; end it with [Tanh] or use DataRange.ZeroToOne",
            "[GanGenerator(LatentDim = 4)] [Linear(8), Sigmoid] public partial class GS;" + Critic
            + "[Gan<GS, D>([|DataRange = DataRange.MinusOneToOne|])] public partial class P;"
        },
        {
            // The declared range replaces GAN0017's guess: the unbounded generator gets this warning only.
            "GAN0025", DiagnosticSeverity.Warning,
            "Generator 'GU' ends in ReLU at layer 2, which is not bounded, so its samples can leave the data's range [0, 1]; end it with [Sigmoid]",
            "[GanGenerator(LatentDim = 4)] [Linear(8), ReLU, Reshape(2, 2, 2)] public partial class GU;"
            + "[GanDiscriminator(2, 2, 2)] [Flatten, Linear(4), LeakyReLU(0.2), Linear(1)] public partial class DU;"
            + "[Gan<GU, DU>(Loss = GanDsl.Training.GanLoss.Hinge, [|DataRange = DataRange.ZeroToOne|])] public partial class P;"
        },
        {
            "GAN0026", DiagnosticSeverity.Warning,
            "Generator 'Big' has 10100 parameters, more than 20 times the 101 of discriminator 'Small'; a critic that weak cannot guide it, so shrink the generator or grow the discriminator",
            "[GanGenerator(LatentDim = 100)] [Linear(100), Tanh] public partial class Big;"
            + "[GanDiscriminator(100)] [Linear(1)] public partial class Small;"
            + "[[|Gan<Big, Small>|]] public partial class P;"
        },
        {
            "GAN0026", DiagnosticSeverity.Warning,
            "Discriminator 'Huge' has 8577 parameters, more than 20 times the 10 of generator 'Tiny'; it will win too easily to leave the generator a useful gradient, so shrink the discriminator or grow the generator",
            "[GanGenerator(LatentDim = 4)] [Linear(2), Tanh] public partial class Tiny;"
            + "[GanDiscriminator(2)] [Linear(64), ReLU, Linear(64), ReLU, Linear(64), ReLU, Linear(1)] public partial class Huge;"
            + "[[|Gan<Tiny, Huge>(Loss = GanDsl.Training.GanLoss.NonSaturating)|]] public partial class P;"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Recipe_diagnostic_has_id_message_span_and_severity(string id, DiagnosticSeverity severity, string message, string markup) =>
        DiagnosticExpectation.Single(markup, id, message, severity);

    [Fact]
    public void A_valid_recipe_raises_nothing_and_compiles_without_warnings()
    {
        const string source = """
            using GanDsl;
            using GanDsl.Training;
            [GanGenerator(LatentDim = 8)] [Linear(32), ReLU, Linear(16), Tanh, Reshape(1, 4, 4)] public partial class G;
            [GanDiscriminator(1, 4, 4)] [Conv2d(8, 3), LeakyReLU(0.2), Flatten, Linear(1)] public partial class Critic;
            [Gan<G, Critic>(Loss = GanLoss.Wasserstein, GradientPenalty = 10, R1 = 0, CriticSteps = 5, DataRange = DataRange.MinusOneToOne)]
            public partial class Wgan;
            [GanGenerator(LatentDim = 7)] [Linear(7), Sigmoid] public partial class Bits;
            [GanDiscriminator(7)] [Linear(1), Sigmoid] public partial class BitsD;
            [Gan<Bits, BitsD>(Loss = GanLoss.Minimax, R1 = 0.1, DataRange = DataRange.ZeroToOne)] public partial class BitsGan;
            """;
        var outcome = GeneratorHarness.Run(source);

        Assert.Null(outcome.Exception);
        Assert.Empty(outcome.Diagnostics);
        Assert.Empty(GeneratorHarness.CompileWithRuntime(outcome).Select(d => d.ToString()));
    }

    [Fact]
    public void Without_a_declared_range_an_unbounded_generator_keeps_its_guess_GAN0017()
    {
        const string generator = "[GanGenerator(LatentDim = 4)] [Linear(8), ReLU] public partial class GU; [GanDiscriminator(8)] [Linear(4), Linear(1)] public partial class D;";

        var unranged = GeneratorHarness.Run("using GanDsl;\n" + generator + "[Gan<GU, D>(CriticSteps = 2)] public partial class P;");
        Assert.Equal("GAN0017", Assert.Single(unranged.Diagnostics).Id);

        // A second pair that declares the range takes the generator over: its check replaces the guess for both pairs.
        var ranged = GeneratorHarness.Run("using GanDsl;\n" + generator + "[Gan<GU, D>] public partial class P; [Gan<GU, D>(DataRange = DataRange.MinusOneToOne)] public partial class Q;");
        Assert.Equal("GAN0025", Assert.Single(ranged.Diagnostics).Id);
    }

    [Fact]
    public void A_recipe_warning_is_suppressed_by_pragma_at_the_pair()
    {
        const string source = """
            using GanDsl;
            [GanGenerator(LatentDim = 4)] [Linear(8), ReLU] public partial class GU;
            [GanDiscriminator(8)] [Linear(4), Linear(1)] public partial class D;
            #pragma warning disable GAN0025
            [Gan<GU, D>(DataRange = DataRange.MinusOneToOne)] public partial class P;
            #pragma warning restore GAN0025
            """;
        var outcome = GeneratorHarness.Run(source);

        var warning = Assert.Single(outcome.Diagnostics);
        Assert.Equal("GAN0025", warning.Id);
        Assert.True(warning.Location.IsInSource);
        // As for GAN0017: the compiler applies #pragma from the diagnostic's tree, which works because the location is in source.
        var filter = typeof(CompilationOptions).GetMethod("FilterDiagnostic",
            System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!;
        var filtered = (Diagnostic?)filter.Invoke(outcome.Output.Options, new object[] { warning, CancellationToken.None });
        Assert.True(filtered is null || filtered.IsSuppressed);
    }
}

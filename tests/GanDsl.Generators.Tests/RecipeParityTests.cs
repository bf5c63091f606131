using System.Globalization;
using GanDsl.Generators.Tests.Support;
using GanDsl.Nn;
using GanDsl.Training;
using Microsoft.CodeAnalysis;

namespace GanDsl.Generators.Tests;

/// <summary>
/// Each recipe rule gives the same sentence at compile time (the diagnostic at <c>[Gan&lt;G, D&gt;(…)]</c>) and at run time
/// (<see cref="TrainingConfig.Validate(IGan)"/> on a configuration that overrides an undeclared pair into breaking it).
/// Every case compiles two pairs of the same nets: <c>Declared</c> states the recipe, <c>Plain</c> does not, and the
/// run-time check overrides <c>Plain.DefaultConfig</c> with the same values. A recipe the build only warned about does
/// not fail at run time when it is the pair's own declaration.
/// </summary>
public class RecipeParityTests
{
    private const string BatchNormCritic = "[GanDiscriminator(8)] [Linear(4), BatchNorm1d, LeakyReLU(0.2), Linear(1)] public partial class Critic;";

    public static TheoryData<string, string, string, Func<TrainingConfig, TrainingConfig>> Rules => new()
    {
        {
            "GAN0023", "[GanGenerator(LatentDim = 4)] [Linear(8), Tanh] public partial class G; [GanDiscriminator(8)] [Linear(1), Sigmoid] public partial class Critic;",
            "Loss = GanLoss.Hinge", c => c with { Loss = GanLoss.Hinge }
        },
        {
            "GAN0023", "[GanGenerator(LatentDim = 4)] [Linear(8), Tanh] public partial class G; [GanDiscriminator(8)] [Linear(1), Sigmoid] public partial class Critic;",
            "Loss = GanLoss.Wasserstein", c => c with { Loss = GanLoss.Wasserstein }
        },
        {
            "GAN0024", "[GanGenerator(LatentDim = 4)] [Linear(8), Tanh] public partial class G; " + BatchNormCritic,
            "Loss = GanLoss.Wasserstein, GradientPenalty = 10", c => c with { Loss = GanLoss.Wasserstein, GradientPenaltyWeight = 10f }
        },
        {
            "GAN0024", "[GanGenerator(LatentDim = 4)] [Linear(8), Tanh] public partial class G; " + BatchNormCritic,
            "R1 = 0.5", c => c with { R1Weight = 0.5f }
        },
        {
            "GAN0025", "[GanGenerator(LatentDim = 4)] [Linear(8), Tanh] public partial class G; [GanDiscriminator(8)] [Linear(4), Linear(1)] public partial class Critic;",
            "DataRange = DataRange.ZeroToOne", c => c with { DataRange = DataRange.ZeroToOne }
        },
        {
            "GAN0025", "[GanGenerator(LatentDim = 4)] [Linear(8), Sigmoid] public partial class G; [GanDiscriminator(8)] [Linear(4), Linear(1)] public partial class Critic;",
            "DataRange = DataRange.MinusOneToOne", c => c with { DataRange = DataRange.MinusOneToOne }
        },
        {
            "GAN0025", "[GanGenerator(LatentDim = 4)] [Linear(8), LeakyReLU(0.2), Reshape(2, 2, 2)] public partial class G; [GanDiscriminator(2, 2, 2)] [Flatten, Linear(4), Linear(1)] public partial class Critic;",
            "DataRange = DataRange.ZeroToOne", c => c with { DataRange = DataRange.ZeroToOne }
        },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Compile_time_and_run_time_give_the_same_sentence_for_the_rule(string id, string nets, string recipe, Func<TrainingConfig, TrainingConfig> overrideWith)
    {
        var outcome = GeneratorHarness.Run("using GanDsl;\nusing GanDsl.Training;\n" + nets
            + "\n[Gan<G, Critic>] public partial class Plain;\n[Gan<G, Critic>(" + recipe + ")] public partial class Declared;");
        var diagnostic = Assert.Single(outcome.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        var assembly = GeneratorHarness.Load(outcome);

        var plain = Pair(assembly, "Plain");
        Assert.Empty(DefaultConfig(assembly, "Plain").Validate(plain));
        var broken = overrideWith(DefaultConfig(assembly, "Plain")).Validate(plain);
        Assert.Equal(diagnostic.GetMessage(CultureInfo.InvariantCulture) + ".", Assert.Single(broken));

        // The declared recipe is the same configuration; the build already said what it does.
        var declared = DefaultConfig(assembly, "Declared").Validate(Pair(assembly, "Declared"));
        if (diagnostic.Severity == DiagnosticSeverity.Warning) Assert.Empty(declared);
        else Assert.Equal(broken, declared);
    }

    /// <summary>(attribute argument, the configuration that breaks the same rule, the configuration field's name).</summary>
    public static TheoryData<string, TrainingConfig, string> Arguments => new()
    {
        { "GradientPenalty = double.NaN", TrainingConfig.Default with { GradientPenaltyWeight = float.NaN }, "GradientPenaltyWeight" },
        { "GradientPenalty = -2.5", TrainingConfig.Default with { GradientPenaltyWeight = -2.5f }, "GradientPenaltyWeight" },
        { "R1 = double.PositiveInfinity", TrainingConfig.Default with { R1Weight = float.PositiveInfinity }, "R1Weight" },
        { "CriticSteps = 0", TrainingConfig.Default with { CriticSteps = 0 }, "CriticSteps" },
        { "CriticSteps = 1001", TrainingConfig.Default with { CriticSteps = 1001 }, "CriticSteps" },
        { "Loss = (GanLoss)42", TrainingConfig.Default with { Loss = (GanLoss)42 }, "Loss" },
        { "DataRange = (DataRange)7", TrainingConfig.Default with { DataRange = (DataRange)7 }, "DataRange" },
    };

    [Theory]
    [MemberData(nameof(Arguments))]
    public void A_bad_recipe_argument_breaks_the_rule_the_configuration_field_has(string argument, TrainingConfig config, string field)
    {
        var outcome = GeneratorHarness.Run("using GanDsl;\nusing GanDsl.Training;\n"
            + "[GanGenerator(LatentDim = 4)] [Linear(8), Tanh] public partial class G; [GanDiscriminator(8)] [Linear(4), Linear(1)] public partial class Critic;"
            + "[Gan<G, Critic>(" + argument + ")] public partial class P;");
        var diagnostic = Assert.Single(outcome.Diagnostics);
        Assert.Equal("GAN0022", diagnostic.Id);
        string rule = Assert.Single(config.Validate());
        Assert.StartsWith(field + " ", rule);

        // The same sentence, under the attribute's name for the value: "[Gan<...>] on 'P': <rule>; <how to fix it>".
        string attributeName = argument[..argument.IndexOf(' ')];
        string expected = "[Gan<...>] on 'P': " + attributeName + rule[field.Length..^1] + "; ";
        Assert.StartsWith(expected, diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_generated_default_config_is_the_declared_recipe_over_the_defaults()
    {
        var outcome = GeneratorHarness.Run("""
            using GanDsl;
            using GanDsl.Training;
            [GanGenerator(LatentDim = 4)] [Linear(8), Tanh] public partial class G;
            [GanDiscriminator(8)] [Linear(4), LeakyReLU(0.2), Linear(1)] public partial class Critic;
            [Gan<G, Critic>(Loss = GanLoss.Wasserstein, GradientPenalty = 10, R1 = 0.1, CriticSteps = 5, DataRange = DataRange.MinusOneToOne)]
            public partial class Wgan;
            [Gan<G, Critic>] public partial class Plain;
            """);
        Assert.Empty(outcome.Diagnostics);
        var assembly = GeneratorHarness.Load(outcome);

        var config = DefaultConfig(assembly, "Wgan");
        Assert.Equal((GanLoss.Wasserstein, 10f, 0.1f, 5, (DataRange?)DataRange.MinusOneToOne),
            (config.Loss, config.GradientPenaltyWeight, config.R1Weight, config.CriticSteps, config.DataRange));
        Assert.Equal(TrainingConfig.Default with { Loss = GanLoss.Wasserstein, GradientPenaltyWeight = 10f, R1Weight = 0.1f, CriticSteps = 5, DataRange = DataRange.MinusOneToOne }, config);
        var recipe = (GanRecipe)assembly.GetType("Wgan")!.GetProperty("Recipe")!.GetValue(null)!;
        Assert.Equal(new GanRecipe { Loss = GanLoss.Wasserstein, GradientPenalty = 10, R1 = 0.1, CriticSteps = 5, DataRange = DataRange.MinusOneToOne }, recipe);
        Assert.Same(recipe, Pair(assembly, "Wgan").Recipe);
        Assert.Equal(config, TrainingConfig.DefaultFor(Pair(assembly, "Wgan")));

        Assert.Equal(TrainingConfig.Default, DefaultConfig(assembly, "Plain"));
        Assert.Same(GanRecipe.None, Pair(assembly, "Plain").Recipe);
        Assert.Empty(config.Validate(Pair(assembly, "Wgan")));
    }

    private static IGan Pair(System.Reflection.Assembly assembly, string name) => (IGan)Activator.CreateInstance(assembly.GetType(name)!, 3UL)!;

    private static TrainingConfig DefaultConfig(System.Reflection.Assembly assembly, string name) =>
        (TrainingConfig)assembly.GetType(name)!.GetProperty("DefaultConfig")!.GetValue(null)!;
}

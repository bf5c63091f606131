using GanDsl.Nn;
using GanDsl.Shapes;

namespace GanDsl.Training;

/// <summary>
/// The recipe rules the build only warns about, applied at run time to a configuration and the pair it trains, through the
/// same <see cref="RecipeRules"/> the source generator uses. A net without an <see cref="Module.Architecture"/> (written by
/// hand) has no layer list to check.
/// </summary>
internal static class RecipeChecks
{
    /// <summary>Batch norm in a critic under a gradient penalty or R1, and a data range the generator cannot cover: their sentences.</summary>
    public static List<string> Warnings(TrainingConfig config, IGan gan)
    {
        var found = new List<string>();
        var d = gan.Discriminator;
        var g = gan.Generator;
        if (d.Architecture is { } critic
            && RecipeRules.BatchNormUnderPenalty(config.GradientPenaltyWeight, config.R1Weight, d.GetType().Name, critic.Layers) is { } batchNorm)
            found.Add(batchNorm);
        if (config.DataRange is { } range && RecipeArguments.IsDataRange((int)range) && g.Architecture is { } generator
            && RecipeRules.UncoveredDataRange(range, g.GetType().Name, generator.Layers) is { } uncovered)
            found.Add(uncovered);
        return found;
    }
}

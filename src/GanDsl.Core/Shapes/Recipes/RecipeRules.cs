using System.Collections.Generic;
using GanDsl.Training;

namespace GanDsl.Shapes
{
    /// <summary>
    /// The checks of a training recipe against the pair it trains, each returning its sentence or null when the rule holds.
    /// The source generator reports them at the pair's <c>[Gan&lt;G, D&gt;(…)]</c> arguments and <c>TrainingConfig.Validate</c>
    /// at run time, from this one definition, so both give the same sentence for the same rule. Nets are given by name and
    /// layer list (the declared stack, or a module's <c>Architecture</c>).
    /// </summary>
    internal static class RecipeRules
    {
        /// <summary>One net with more than this many times the other's parameters is a capacity imbalance.</summary>
        public const int CapacityRatio = 20;

        /// <summary>Wasserstein, hinge and least squares read D's output as a raw score; only the cross-entropy losses take probabilities.</summary>
        public static bool IsRawScore(GanLoss loss) => loss == GanLoss.LeastSquares || loss == GanLoss.Hinge || loss == GanLoss.Wasserstein;

        /// <summary>A raw-score loss on a discriminator that ends in Sigmoid (an error: the loss cannot work on probabilities).</summary>
        public static string? RawScoreLossWithSigmoid(GanLoss loss, string discriminator, bool endsInSigmoid) =>
            endsInSigmoid && IsRawScore(loss)
                ? "Loss " + loss + " needs raw discriminator scores but '" + discriminator + "' ends in Sigmoid; remove the Sigmoid or use Minimax or NonSaturating"
                : null;

        /// <summary>
        /// Batch norm anywhere in a critic trained with a gradient penalty or R1: both penalise the gradient of each sample's
        /// score with respect to that sample, which batch statistics tie to the rest of the batch.
        /// </summary>
        public static string? BatchNormUnderPenalty(double gradientPenalty, double r1, string discriminator, IReadOnlyList<LayerSpec> layers)
        {
            bool gp = gradientPenalty > 0, penalisedR1 = r1 > 0;
            if (!gp && !penalisedR1) return null;
            for (int i = 0; i < layers.Count; i++)
            {
                if (!layers[i].Kind.NormalizesOverBatch) continue;
                string penalty = gp && penalisedR1 ? "a gradient penalty and an R1 penalty" : gp ? "a gradient penalty" : "an R1 penalty";
                string fix = layers[i].Kind == LayerKind.BatchNorm1d ? "LayerNorm" : "LayerNorm or InstanceNorm2d";
                return "'" + discriminator + "' is trained with " + penalty + " but normalises with " + new LayerSite(i, "").Of(layers[i])
                    + ", which ties each sample's score to the rest of its batch; use " + fix + " instead";
            }
            return null;
        }

        /// <summary>A generator whose last value-making layer cannot produce the declared data range (layers that only move values are looked through).</summary>
        public static string? UncoveredDataRange(DataRange range, string generator, IReadOnlyList<LayerSpec> layers)
        {
            int i = LastValueLayer(layers);
            if (i < 0) return null;
            var kind = layers[i].Kind;
            string last = "Generator '" + generator + "' ends in " + new LayerSite(i, "").Of(layers[i]);
            if (kind == LayerKind.Tanh && range == DataRange.ZeroToOne)
                return last + ", whose values in [-1, 1] do not match data in [0, 1]; end it with [Sigmoid] or use DataRange.MinusOneToOne";
            if (kind == LayerKind.Sigmoid && range == DataRange.MinusOneToOne)
                return last + ", whose values in [0, 1] cannot cover data in [-1, 1]; end it with [Tanh] or use DataRange.ZeroToOne";
            if (kind.OutputBound == OutputBound.None)
                return last + ", which is not bounded, so its samples can leave the data's range " + Interval(range)
                    + "; end it with " + (range == DataRange.ZeroToOne ? "[Sigmoid]" : "[Tanh]");
            return null;
        }

        /// <summary>
        /// The index of the last layer that makes new values (Reshape, Flatten, MaxPool2d and the like only move or pick them,
        /// so the output's range is that layer's), or -1 when there is none.
        /// </summary>
        public static int LastValueLayer(IReadOnlyList<LayerSpec> layers)
        {
            for (int i = layers.Count - 1; i >= 0; i--)
                if (layers[i].Kind.OutputBound != OutputBound.Input) return i;
            return -1;
        }

        /// <summary>One net with more than <see cref="CapacityRatio"/> times the other's parameters overpowers it.</summary>
        public static string? CapacityImbalance(string generator, long generatorParameters, string discriminator, long discriminatorParameters)
        {
            // decimal holds 20 × long.MaxValue, so the comparison is exact for every count.
            if (generatorParameters > CapacityRatio * (decimal)discriminatorParameters)
                return "Generator '" + generator + "' has " + Invariant.Int(generatorParameters) + " parameters, more than "
                    + Invariant.Int(CapacityRatio) + " times the " + Invariant.Int(discriminatorParameters) + " of discriminator '" + discriminator
                    + "'; a critic that weak cannot guide it, so shrink the generator or grow the discriminator";
            if (discriminatorParameters > CapacityRatio * (decimal)generatorParameters)
                return "Discriminator '" + discriminator + "' has " + Invariant.Int(discriminatorParameters) + " parameters, more than "
                    + Invariant.Int(CapacityRatio) + " times the " + Invariant.Int(generatorParameters) + " of generator '" + generator
                    + "'; it will win too easily to leave the generator a useful gradient, so shrink the discriminator or grow the generator";
            return null;
        }

        private static string Interval(DataRange range) => range == DataRange.ZeroToOne ? "[0, 1]" : "[-1, 1]";
    }
}

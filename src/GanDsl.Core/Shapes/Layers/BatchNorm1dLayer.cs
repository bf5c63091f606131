using System.Collections.Generic;

namespace GanDsl.Shapes
{
    /// <summary><c>nn.BatchNorm1d(num_features)</c> over [features]; the feature count is inferred.</summary>
    internal sealed class BatchNorm1dLayer : LayerKind
    {
        internal static readonly LayerArgument NumFeatures = LayerArgument.Int("numFeatures", ArgumentRule.Positive);

        public BatchNorm1dLayer() : base("BatchNorm1d", NumFeatures) { }

        internal override ShapeResult InferShape(LayerSpec layer, int[] input, LayerSite site) =>
            ShapeRules.IsFlat(input) ? ShapeResult.Ok(input) : ShapeRules.NeedsFlat(layer, input, site);

        /// <summary>An affine weight and bias per feature (the running statistics are buffers).</summary>
        internal override long Parameters(LayerSpec layer, IReadOnlyList<int> input) => 2L * input[0];
    }

    public sealed partial class LayerSpec
    {
        public static LayerSpec BatchNorm1d() => new LayerSpec(LayerKind.BatchNorm1d);
    }
}

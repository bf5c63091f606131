using System.Collections.Generic;

namespace GanDsl.Shapes
{
    /// <summary><c>nn.BatchNorm2d(num_features, affine)</c> over [C, H, W]; the channel count is inferred.</summary>
    internal sealed class BatchNorm2dLayer : LayerKind
    {
        public BatchNorm2dLayer() : base("BatchNorm2d", BatchNorm1dLayer.NumFeatures, BatchNorm1dLayer.Affine) { }

        internal override TorchModuleCall TorchModule(LayerSpec layer, IReadOnlyList<int> input) => BatchNorm1dLayer.Torch("BatchNorm2d", layer, input);

        internal override ShapeResult InferShape(LayerSpec layer, int[] input, LayerSite site) =>
            ShapeRules.IsImage(input) ? ShapeResult.Ok(input) : ShapeRules.NeedsImage(layer, input, site);

        /// <summary>Normalises with the batch's statistics (GAN0024 warns about it in a critic under a gradient penalty or R1).</summary>
        internal override bool NormalizesOverBatch => true;

        internal override long Parameters(LayerSpec layer, IReadOnlyList<int> input) => BatchNorm1dLayer.AffineParameters(layer, input);
    }

    public sealed partial class LayerSpec
    {
        public static LayerSpec BatchNorm2d(bool affine = BatchNorm1dLayer.DefaultAffine) => new LayerSpec(LayerKind.BatchNorm2d, affine);
    }
}

using System.Collections.Generic;

namespace GanDsl.Shapes
{
    /// <summary><c>nn.BatchNorm1d(num_features)</c> over [features]; the feature count is inferred.</summary>
    internal sealed class BatchNorm1dLayer : LayerKind
    {
        internal static readonly LayerArgument NumFeatures = LayerArgument.Int("numFeatures", ArgumentRule.Positive);

        public BatchNorm1dLayer() : base("BatchNorm1d", NumFeatures) { }

        /// <summary>PyTorch's defaults, which the managed batch norm uses too.</summary>
        internal const double Eps = 1e-5, Momentum = 0.1;

        internal override TorchModuleCall TorchModule(LayerSpec layer, IReadOnlyList<int> input) => Torch("BatchNorm1d", input);

        /// <summary><c>nn.BatchNorm1d</c> or <c>nn.BatchNorm2d</c> over the input's channels, with eps and momentum written out.</summary>
        internal static TorchModuleCall Torch(string method, IReadOnlyList<int> input) => TorchModuleCall.Nn(method,
            TorchModuleCall.Arg("num_features", (long)input[0]), TorchModuleCall.Arg("eps", Eps), TorchModuleCall.Arg("momentum", Momentum));

        internal override ShapeResult InferShape(LayerSpec layer, int[] input, LayerSite site) =>
            ShapeRules.IsFlat(input) ? ShapeResult.Ok(input) : ShapeRules.NeedsFlat(layer, input, site);

        /// <summary>Normalises with the batch's statistics (GAN0024 warns about it in a critic under a gradient penalty or R1).</summary>
        internal override bool NormalizesOverBatch => true;

        /// <summary>An affine weight and bias per feature (the running statistics are buffers).</summary>
        internal override long Parameters(LayerSpec layer, IReadOnlyList<int> input) => 2L * input[0];
    }

    public sealed partial class LayerSpec
    {
        public static LayerSpec BatchNorm1d() => new LayerSpec(LayerKind.BatchNorm1d);
    }
}

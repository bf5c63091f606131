using System.Collections.Generic;

namespace GanDsl.Shapes
{
    /// <summary>
    /// <c>nn.InstanceNorm2d(num_features, affine)</c> over [C, H, W]: each channel of each sample normalised over its own
    /// pixels, in training and evaluation alike (no running statistics, PyTorch's default); affine off by default, as there.
    /// </summary>
    internal sealed class InstanceNorm2dLayer : LayerKind
    {
        internal const bool DefaultAffine = false;

        /// <summary>PyTorch's default ε.</summary>
        internal const double Eps = 1e-5;

        private static readonly LayerArgument Affine = LayerArgument.Option("affine", DefaultAffine);

        public InstanceNorm2dLayer() : base("InstanceNorm2d", BatchNorm1dLayer.NumFeatures, Affine) { }

        internal override TorchModuleCall TorchModule(LayerSpec layer, IReadOnlyList<int> input) => TorchModuleCall.Nn("InstanceNorm2d",
            TorchModuleCall.Arg("num_features", (long)input[0]), TorchModuleCall.Arg("eps", Eps), TorchModuleCall.Arg("affine", layer.Flag(Affine)),
            TorchModuleCall.Arg("track_running_stats", false));

        internal override ShapeResult InferShape(LayerSpec layer, int[] input, LayerSite site) =>
            ShapeRules.IsImage(input) ? ShapeResult.Ok(input) : ShapeRules.NeedsImage(layer, input, site);

        /// <summary>A weight and bias per channel when affine.</summary>
        internal override long Parameters(LayerSpec layer, IReadOnlyList<int> input) => layer.Flag(Affine) ? 2L * input[0] : 0;
    }

    public sealed partial class LayerSpec
    {
        public static LayerSpec InstanceNorm2d(bool affine = InstanceNorm2dLayer.DefaultAffine) => new LayerSpec(LayerKind.InstanceNorm2d, affine);
    }
}

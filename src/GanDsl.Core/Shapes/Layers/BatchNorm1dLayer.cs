using System.Collections.Generic;

namespace GanDsl.Shapes
{
    /// <summary><c>nn.BatchNorm1d(num_features, affine)</c> over [features]; the feature count is inferred.</summary>
    internal sealed class BatchNorm1dLayer : LayerKind
    {
        internal static readonly LayerArgument NumFeatures = LayerArgument.Int("numFeatures", ArgumentRule.Positive);

        internal const bool DefaultAffine = true;

        /// <summary>A learnt per-channel weight and bias; off when a conditional generator gives each class its own instead.</summary>
        internal static readonly LayerArgument Affine = LayerArgument.LaterOption("affine", DefaultAffine);

        public BatchNorm1dLayer() : base("BatchNorm1d", NumFeatures, Affine) { }

        /// <summary>PyTorch's defaults, which the managed batch norm uses too.</summary>
        internal const double Eps = 1e-5, Momentum = 0.1;

        internal override TorchModuleCall TorchModule(LayerSpec layer, IReadOnlyList<int> input) => Torch("BatchNorm1d", layer, input);

        /// <summary><c>nn.BatchNorm1d</c> or <c>nn.BatchNorm2d</c> over the input's channels, with eps and momentum written out (and affine when off).</summary>
        internal static TorchModuleCall Torch(string method, LayerSpec layer, IReadOnlyList<int> input)
        {
            var arguments = new List<KeyValuePair<string, object>>
            {
                TorchModuleCall.Arg("num_features", (long)input[0]), TorchModuleCall.Arg("eps", Eps), TorchModuleCall.Arg("momentum", Momentum),
            };
            if (!layer.Flag(Affine)) arguments.Add(TorchModuleCall.Arg("affine", false));
            return TorchModuleCall.Nn(method, arguments.ToArray());
        }

        internal override ShapeResult InferShape(LayerSpec layer, int[] input, LayerSite site) =>
            ShapeRules.IsFlat(input) ? ShapeResult.Ok(input) : ShapeRules.NeedsFlat(layer, input, site);

        /// <summary>Normalises with the batch's statistics (GAN0024 warns about it in a critic under a gradient penalty or R1).</summary>
        internal override bool NormalizesOverBatch => true;

        internal override long Parameters(LayerSpec layer, IReadOnlyList<int> input) => AffineParameters(layer, input);

        /// <summary>An affine weight and bias per channel when affine (the running statistics are buffers).</summary>
        internal static long AffineParameters(LayerSpec layer, IReadOnlyList<int> input) => layer.Flag(Affine) ? 2L * input[0] : 0;
    }

    public sealed partial class LayerSpec
    {
        public static LayerSpec BatchNorm1d(bool affine = BatchNorm1dLayer.DefaultAffine) => new LayerSpec(LayerKind.BatchNorm1d, affine);
    }
}

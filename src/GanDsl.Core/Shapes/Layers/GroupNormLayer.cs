using System.Collections.Generic;

namespace GanDsl.Shapes
{
    /// <summary>
    /// <c>nn.GroupNorm(num_groups, num_channels, affine)</c>: the channels of each sample split into num_groups groups, each
    /// normalised over its channels and pixels; the channel count is inferred ([C] or [C, H, W]) and must divide into the groups.
    /// </summary>
    internal sealed class GroupNormLayer : LayerKind
    {
        internal const bool DefaultAffine = true;

        /// <summary>PyTorch's default ε.</summary>
        internal const double Eps = 1e-5;

        private static readonly LayerArgument NumChannels = LayerArgument.Int("numChannels", ArgumentRule.Positive);
        private static readonly LayerArgument NumGroups = LayerArgument.Int("numGroups", ArgumentRule.Positive);
        private static readonly LayerArgument Affine = LayerArgument.Option("affine", DefaultAffine);

        public GroupNormLayer() : base("GroupNorm", NumChannels, NumGroups, Affine) { }

        /// <summary><c>nn.GroupNorm</c>; a flat sample takes GanDsl.TorchSharp's, as TorchSharp's module refuses [N, C] (PyTorch's takes it).</summary>
        internal override TorchModuleCall TorchModule(LayerSpec layer, IReadOnlyList<int> input) => new TorchModuleCall(
            input.Count == 1 ? TorchModuleCall.GanDslLayers : TorchModuleCall.TorchNn, "GroupNorm",
            TorchModuleCall.Arg("num_groups", (long)layer.Int(NumGroups)), TorchModuleCall.Arg("num_channels", (long)input[0]),
            TorchModuleCall.Arg("eps", Eps), TorchModuleCall.Arg("affine", layer.Flag(Affine)));

        internal override ShapeResult InferShape(LayerSpec layer, int[] input, LayerSite site)
        {
            int groups = layer.Int(NumGroups);
            if (input[0] % groups == 0) return ShapeResult.Ok(input);
            return ShapeResult.Fail(new ShapeError(ShapeErrorKind.ArgumentOutOfRange, site.Index,
                site.Of(layer) + " needs a channel count divisible by num_groups " + Invariant.Int(groups) + " but receives "
                + LayerSpec.FormatShape(input) + " from " + site.InputSource + "; use a group count that divides " + Invariant.Int(input[0])));
        }

        /// <summary>A weight and bias per channel when affine.</summary>
        internal override long Parameters(LayerSpec layer, IReadOnlyList<int> input) => layer.Flag(Affine) ? 2L * input[0] : 0;
    }

    public sealed partial class LayerSpec
    {
        public static LayerSpec GroupNorm(int numGroups, bool affine = GroupNormLayer.DefaultAffine) => new LayerSpec(LayerKind.GroupNorm, numGroups, affine);
    }
}

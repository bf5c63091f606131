using System.Collections.Generic;

namespace GanDsl.Shapes
{
    /// <summary><c>nn.Upsample(scale_factor, mode="nearest")</c> over [C, H, W].</summary>
    internal sealed class UpsampleLayer : LayerKind
    {
        private static readonly LayerArgument ScaleFactor = LayerArgument.Int("scaleFactor", ArgumentRule.Positive);

        public UpsampleLayer() : base("Upsample", null, ScaleFactor) { }

        /// <summary><c>nn.Upsample</c> defaults to nearest-neighbour, the managed layer's mode.</summary>
        internal override TorchModuleCall TorchModule(LayerSpec layer, IReadOnlyList<int> input)
        {
            double scale = layer.Int(ScaleFactor);
            return TorchModuleCall.Nn("Upsample", TorchModuleCall.Arg("scale_factor", new[] { scale, scale }));
        }

        internal override OutputBound OutputBound => OutputBound.Input;

        internal override ShapeResult InferShape(LayerSpec layer, int[] input, LayerSite site)
        {
            if (!ShapeRules.IsImage(input)) return ShapeRules.NeedsImage(layer, input, site);
            int scale = layer.Int(ScaleFactor);
            return ShapeRules.Image(layer, input, input[0], (long)input[1] * scale, (long)input[2] * scale, site);
        }
    }

    public sealed partial class LayerSpec
    {
        /// <summary><c>nn.Upsample(scale_factor, mode="nearest")</c>.</summary>
        public static LayerSpec Upsample(int scaleFactor) => new LayerSpec(LayerKind.Upsample, scaleFactor);
    }
}

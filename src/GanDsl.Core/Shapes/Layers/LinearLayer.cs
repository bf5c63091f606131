using System.Collections.Generic;

namespace GanDsl.Shapes
{
    /// <summary><c>nn.Linear(in_features, out_features, bias)</c>: [features] → [out_features].</summary>
    internal sealed class LinearLayer : LayerKind
    {
        internal const bool DefaultBias = true;

        private static readonly LayerArgument InFeatures = LayerArgument.Int("inFeatures", ArgumentRule.Positive);
        private static readonly LayerArgument OutFeatures = LayerArgument.Int("outFeatures", ArgumentRule.Positive);
        private static readonly LayerArgument Bias = LayerArgument.Option("bias", DefaultBias);

        public LinearLayer() : base("Linear", InFeatures, OutFeatures, Bias) { }

        internal override TorchModuleCall TorchModule(LayerSpec layer, IReadOnlyList<int> input) => TorchModuleCall.Nn("Linear",
            TorchModuleCall.Arg("inputSize", (long)input[0]), TorchModuleCall.Arg("outputSize", (long)layer.Int(OutFeatures)),
            TorchModuleCall.Arg("hasBias", layer.Flag(Bias)));

        internal override ShapeResult InferShape(LayerSpec layer, int[] input, LayerSite site) =>
            ShapeRules.IsFlat(input) ? ShapeResult.Ok(new[] { layer.Int(OutFeatures) }) : ShapeRules.NeedsFlat(layer, input, site);

        internal override long Parameters(LayerSpec layer, IReadOnlyList<int> input)
        {
            int outFeatures = layer.Int(OutFeatures);
            return checked((long)input[0] * outFeatures + (layer.Flag(Bias) ? outFeatures : 0));
        }
    }

    public sealed partial class LayerSpec
    {
        /// <summary><c>nn.Linear(in, outFeatures, bias)</c>; the input width is inferred.</summary>
        public static LayerSpec Linear(int outFeatures, bool bias = LinearLayer.DefaultBias) => new LayerSpec(LayerKind.Linear, outFeatures, bias);
    }
}

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

        public LinearLayer() : base("Linear", InFeatures, OutFeatures, Bias, SpectralNormOption.Argument) { }

        /// <summary><c>nn.Linear</c>, or GanDsl.TorchSharp's spectrally normalised Linear (TorchSharp has no <c>spectral_norm</c>).</summary>
        internal override TorchModuleCall TorchModule(LayerSpec layer, IReadOnlyList<int> input) => new TorchModuleCall(
            SpectralNormOption.IsOn(layer) ? TorchModuleCall.GanDslLayers : TorchModuleCall.TorchNn,
            SpectralNormOption.IsOn(layer) ? "SpectralNormLinear" : "Linear",
            TorchModuleCall.Arg("inputSize", (long)input[0]), TorchModuleCall.Arg("outputSize", (long)layer.Int(OutFeatures)),
            TorchModuleCall.Arg("hasBias", layer.Flag(Bias)));

        internal override ShapeResult InferShape(LayerSpec layer, int[] input, LayerSite site) =>
            ShapeRules.IsFlat(input) ? ShapeResult.Ok(new[] { layer.Int(OutFeatures) }) : ShapeRules.NeedsFlat(layer, input, site);

        internal override long Parameters(LayerSpec layer, IReadOnlyList<int> input)
        {
            int outFeatures = layer.Int(OutFeatures);
            return checked((long)input[0] * outFeatures + (layer.Flag(Bias) ? outFeatures : 0));
        }

        internal override long MultAdds(LayerSpec layer, IReadOnlyList<int> input, IReadOnlyList<int> output, int batchSize)
        {
            if (!SpectralNormOption.IsOn(layer)) return base.MultAdds(layer, input, output, batchSize);
            int outFeatures = layer.Int(OutFeatures);
            return SpectralNormOption.MultAdds((long)input[0] * outFeatures, layer.Flag(Bias) ? outFeatures : 0, output, batchSize, convolution: false);
        }
    }

    public sealed partial class LayerSpec
    {
        /// <summary><c>nn.Linear(in, outFeatures, bias)</c>; the input width is inferred.</summary>
        public static LayerSpec Linear(int outFeatures, bool bias = LinearLayer.DefaultBias, bool spectralNorm = SpectralNormOption.Default) =>
            new LayerSpec(LayerKind.Linear, outFeatures, bias, spectralNorm);
    }
}

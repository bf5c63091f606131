using System.Collections.Generic;
using static GanDsl.Shapes.ConvolutionArguments;

namespace GanDsl.Shapes
{
    /// <summary><c>nn.Conv2d(in_channels, out_channels, kernel_size, stride, padding, bias)</c> with a square kernel.</summary>
    internal sealed class Conv2dLayer : LayerKind
    {
        public Conv2dLayer() : base("Conv2d", InChannels, OutChannels, KernelSize, Stride, Padding, Bias, SpectralNorm) { }

        internal override TorchModuleCall TorchModule(LayerSpec layer, IReadOnlyList<int> input) => ConvolutionArguments.Torch(layer, "Conv2d",
            TorchModuleCall.Arg("in_channels", (long)input[0]), TorchModuleCall.Arg("out_channels", (long)layer.Int(OutChannels)),
            TorchModuleCall.Arg("kernel_size", (long)layer.Int(KernelSize)), TorchModuleCall.Arg("stride", (long)layer.Int(Stride)),
            TorchModuleCall.Arg("padding", (long)layer.Int(Padding)), TorchModuleCall.Arg("bias", layer.Flag(Bias)));

        internal override ShapeResult InferShape(LayerSpec layer, int[] input, LayerSite site)
        {
            if (!ShapeRules.IsImage(input)) return ShapeRules.NeedsImage(layer, input, site);
            int kernel = layer.Int(KernelSize), stride = layer.Int(Stride), padding = layer.Int(Padding);
            var error = ShapeRules.WindowFits(layer, input, kernel, padding, site);
            if (error != null) return ShapeResult.Fail(error);
            return ShapeRules.Image(layer, input, layer.Int(OutChannels),
                ShapeRules.WindowOutput(input[1], kernel, stride, padding), ShapeRules.WindowOutput(input[2], kernel, stride, padding), site);
        }

        internal override long Parameters(LayerSpec layer, IReadOnlyList<int> input) => ConvolutionArguments.Parameters(layer, input);

        internal override long MultAdds(LayerSpec layer, IReadOnlyList<int> input, IReadOnlyList<int> output, int batchSize) =>
            ConvolutionArguments.MultAdds(layer, input, output, batchSize);
    }

    public sealed partial class LayerSpec
    {
        public static LayerSpec Conv2d(int outChannels, int kernelSize, int stride = DefaultStride, int padding = DefaultPadding, bool bias = DefaultBias,
            bool spectralNorm = SpectralNormOption.Default) =>
            new LayerSpec(LayerKind.Conv2d, outChannels, kernelSize, stride, padding, bias, spectralNorm);
    }
}

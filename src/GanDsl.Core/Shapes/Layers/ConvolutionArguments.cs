using System.Collections.Generic;

namespace GanDsl.Shapes
{
    /// <summary>The arguments Conv2d and ConvTranspose2d share, with PyTorch's names and defaults, and their parameter count.</summary>
    internal static class ConvolutionArguments
    {
        internal const int DefaultStride = 1;
        internal const int DefaultPadding = 0;
        internal const bool DefaultBias = true;

        public static readonly LayerArgument InChannels = LayerArgument.Int("inChannels", ArgumentRule.Positive);
        public static readonly LayerArgument OutChannels = LayerArgument.Int("outChannels", ArgumentRule.Positive);
        public static readonly LayerArgument KernelSize = LayerArgument.Int("kernelSize", ArgumentRule.Positive);
        public static readonly LayerArgument Stride = LayerArgument.Int("stride", ArgumentRule.Positive, DefaultStride);
        public static readonly LayerArgument Padding = LayerArgument.Int("padding", ArgumentRule.NonNegative, DefaultPadding);
        public static readonly LayerArgument Bias = LayerArgument.Option("bias", DefaultBias);
        public static readonly LayerArgument SpectralNorm = SpectralNormOption.Argument;

        /// <summary>Weight out·in·k·k plus the bias, whichever way round the weight is stored.</summary>
        public static long Parameters(LayerSpec layer, IReadOnlyList<int> input)
        {
            int outChannels = layer.Int(OutChannels), kernel = layer.Int(KernelSize);
            return checked((long)input[0] * outChannels * kernel * kernel + (layer.Flag(Bias) ? outChannels : 0));
        }

        /// <summary>torchinfo's rule for a convolution, or its rule for <c>weight_orig</c> when the layer is spectrally normalised.</summary>
        public static long MultAdds(LayerSpec layer, IReadOnlyList<int> input, IReadOnlyList<int> output, int batchSize)
        {
            long parameters = Parameters(layer, input);
            int outChannels = layer.Int(OutChannels);
            if (!SpectralNormOption.IsOn(layer)) return checked(parameters * batchSize * output[1] * output[2]);
            long bias = layer.Flag(Bias) ? outChannels : 0;
            return SpectralNormOption.MultAdds(parameters - bias, bias, output, batchSize, convolution: true);
        }

        /// <summary>torch.nn's factory, or GanDsl.TorchSharp's spectrally normalised one (<c>SpectralNormConv2d</c>) when asked for.</summary>
        public static TorchModuleCall Torch(LayerSpec layer, string method, params KeyValuePair<string, object>[] arguments) =>
            SpectralNormOption.IsOn(layer)
                ? new TorchModuleCall(TorchModuleCall.GanDslLayers, "SpectralNorm" + method, arguments)
                : TorchModuleCall.Nn(method, arguments);
    }
}

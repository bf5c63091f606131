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

        /// <summary>Weight out·in·k·k plus the bias, whichever way round the weight is stored.</summary>
        public static long Parameters(LayerSpec layer, IReadOnlyList<int> input)
        {
            int outChannels = layer.Int(OutChannels), kernel = layer.Int(KernelSize);
            return checked((long)input[0] * outChannels * kernel * kernel + (layer.Flag(Bias) ? outChannels : 0));
        }
    }
}

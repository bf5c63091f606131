using System.Collections.Generic;
using static GanDsl.Shapes.ConvolutionArguments;

namespace GanDsl.Shapes
{
    /// <summary><c>nn.ConvTranspose2d(in_channels, out_channels, kernel_size, stride, padding, output_padding, bias)</c>.</summary>
    internal sealed class ConvTranspose2dLayer : LayerKind
    {
        internal const int DefaultOutputPadding = 0;

        private static readonly LayerArgument OutputPadding = LayerArgument.Int("outputPadding", ArgumentRule.NonNegative, DefaultOutputPadding);

        public ConvTranspose2dLayer() : base("ConvTranspose2d", InChannels, OutChannels, KernelSize, Stride, Padding, OutputPadding, Bias, SpectralNorm) { }

        internal override TorchModuleCall TorchModule(LayerSpec layer, IReadOnlyList<int> input) => ConvolutionArguments.Torch(layer, "ConvTranspose2d",
            TorchModuleCall.Arg("in_channels", (long)input[0]), TorchModuleCall.Arg("out_channels", (long)layer.Int(OutChannels)),
            TorchModuleCall.Arg("kernel_size", (long)layer.Int(KernelSize)), TorchModuleCall.Arg("stride", (long)layer.Int(Stride)),
            TorchModuleCall.Arg("padding", (long)layer.Int(Padding)), TorchModuleCall.Arg("output_padding", (long)layer.Int(OutputPadding)),
            TorchModuleCall.Arg("bias", layer.Flag(Bias)));

        /// <summary>PyTorch refuses an output padding that is not smaller than the stride.</summary>
        internal override string? CombinationProblem(LayerSpec layer)
        {
            int outputPadding = layer.Int(OutputPadding), stride = layer.Int(Stride);
            if (outputPadding == 0 || outputPadding < stride) return null;
            return "needs output_padding smaller than stride " + Invariant.Int(stride) + " but has " + Invariant.Int(outputPadding)
                + "; lower output_padding or raise the stride";
        }

        internal override ShapeResult InferShape(LayerSpec layer, int[] input, LayerSite site)
        {
            if (!ShapeRules.IsImage(input)) return ShapeRules.NeedsImage(layer, input, site);
            var error = OutputFits(layer, input, 1, "height", site) ?? OutputFits(layer, input, 2, "width", site);
            if (error != null) return ShapeResult.Fail(error);
            return ShapeResult.Ok(new[] { layer.Int(OutChannels), (int)Output(layer, input[1]), (int)Output(layer, input[2]) });
        }

        internal override long Parameters(LayerSpec layer, IReadOnlyList<int> input) => ConvolutionArguments.Parameters(layer, input);

        internal override long MultAdds(LayerSpec layer, IReadOnlyList<int> input, IReadOnlyList<int> output, int batchSize) =>
            ConvolutionArguments.MultAdds(layer, input, output, batchSize);

        /// <summary>(size − 1)·stride − 2·padding + kernel + output_padding, in 64 bits.</summary>
        private static long Output(LayerSpec layer, int size) =>
            ((long)size - 1) * layer.Int(Stride) - 2L * layer.Int(Padding) + layer.Int(KernelSize) + layer.Int(OutputPadding);

        private static ShapeError? OutputFits(LayerSpec layer, int[] x, int axis, string axisName, LayerSite site)
        {
            int size = x[axis];
            long output = Output(layer, size);
            if (output >= 1 && output <= int.MaxValue) return null;
            string arithmetic = "(" + Invariant.Int(size) + " - 1)*" + Invariant.Int(layer.Int(Stride)) + " - 2*"
                + Invariant.Int(layer.Int(Padding)) + " + " + Invariant.Int(layer.Int(KernelSize)) + " + " + Invariant.Int(layer.Int(OutputPadding))
                + " = " + Invariant.Int(output);
            if (output > int.MaxValue)
                return new ShapeError(ShapeErrorKind.Overflow, site.Index,
                    site.Of(layer) + " gives output " + axisName + " " + arithmetic + ", more than 2^31-1; use a smaller stride or kernel");
            return new ShapeError(ShapeErrorKind.KernelTooLarge, site.Index,
                site.Of(layer) + " gives output " + axisName + " " + arithmetic + " for " + LayerSpec.FormatShape(x) + " from " + site.InputSource
                + ", which is not positive; use less padding or a larger kernel");
        }
    }

    public sealed partial class LayerSpec
    {
        public static LayerSpec ConvTranspose2d(int outChannels, int kernelSize, int stride = DefaultStride, int padding = DefaultPadding,
            int outputPadding = ConvTranspose2dLayer.DefaultOutputPadding, bool bias = DefaultBias, bool spectralNorm = SpectralNormOption.Default) =>
            new LayerSpec(LayerKind.ConvTranspose2d, outChannels, kernelSize, stride, padding, outputPadding, bias, spectralNorm);
    }
}

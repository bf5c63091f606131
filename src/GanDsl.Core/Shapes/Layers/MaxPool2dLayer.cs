using System.Collections.Generic;

namespace GanDsl.Shapes
{
    /// <summary><c>nn.MaxPool2d(kernel_size, stride)</c> over [C, H, W]; the stride defaults to the kernel size, as in PyTorch.</summary>
    internal sealed class MaxPool2dLayer : LayerKind
    {
        private static readonly LayerArgument KernelSize = LayerArgument.Int("kernelSize", ArgumentRule.Positive);
        private static readonly LayerArgument Stride = LayerArgument.IntDefaultingTo("stride", ArgumentRule.Positive, KernelSize);

        public MaxPool2dLayer() : base("MaxPool2d", null, KernelSize, Stride) { }

        internal override TorchModuleCall TorchModule(LayerSpec layer, IReadOnlyList<int> input) => TorchModuleCall.Nn("MaxPool2d",
            TorchModuleCall.Arg("kernel_size", (long)layer.Int(KernelSize)), TorchModuleCall.Arg("stride", (long)layer.Int(Stride)));

        internal override OutputBound OutputBound => OutputBound.Input;

        internal override ShapeResult InferShape(LayerSpec layer, int[] input, LayerSite site)
        {
            if (!ShapeRules.IsImage(input)) return ShapeRules.NeedsImage(layer, input, site);
            int kernel = layer.Int(KernelSize), stride = layer.Int(Stride);
            var error = ShapeRules.WindowFits(layer, input, kernel, null, site);
            if (error != null) return ShapeResult.Fail(error);
            return ShapeRules.Image(layer, input, input[0],
                ShapeRules.WindowOutput(input[1], kernel, stride, 0), ShapeRules.WindowOutput(input[2], kernel, stride, 0), site);
        }
    }

    public sealed partial class LayerSpec
    {
        /// <summary>Stride defaults to the kernel size, as in PyTorch.</summary>
        public static LayerSpec MaxPool2d(int kernelSize) => MaxPool2d(kernelSize, kernelSize);

        /// <summary><c>nn.MaxPool2d(kernelSize, stride)</c>.</summary>
        public static LayerSpec MaxPool2d(int kernelSize, int stride) => new LayerSpec(LayerKind.MaxPool2d, kernelSize, stride);
    }
}

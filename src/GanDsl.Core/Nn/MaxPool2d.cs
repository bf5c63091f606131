using GanDsl.Autograd;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>Max pooling over k×k windows; the stride defaults to the kernel size, as in PyTorch.</summary>
public sealed class MaxPool2d : Module
{
    /// <summary>Pooling over <paramref name="kernelSize"/>×<paramref name="kernelSize"/> windows (<c>nn.MaxPool2d(kernel_size, stride)</c>, no padding).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The kernel size or the stride is not positive.</exception>
    public MaxPool2d(int kernelSize, int? stride = null)
    {
        LayerValidation.Require(LayerSpec.MaxPool2d(kernelSize, stride ?? kernelSize));
        (KernelSize, Stride) = (kernelSize, stride ?? kernelSize);
    }

    /// <summary>The window's side in pixels.</summary>
    public int KernelSize { get; }

    /// <summary>Pixels between window origins.</summary>
    public int Stride { get; }

    /// <summary>[N, C, H, W] → [N, C, ⌊(H − k) / s⌋ + 1, ⌊(W − k) / s⌋ + 1], each output the largest value of its window.</summary>
    public override Tensor Forward(Tensor input) => Ops.MaxPool2d(input, KernelSize, Stride);
}

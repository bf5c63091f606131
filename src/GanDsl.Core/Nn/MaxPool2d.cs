using GanDsl.Autograd;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>Max pooling over k×k windows; the stride defaults to the kernel size, as in PyTorch.</summary>
public sealed class MaxPool2d : Module
{
    public MaxPool2d(int kernelSize, int? stride = null)
    {
        LayerValidation.Require(LayerSpec.MaxPool2d(kernelSize, stride ?? kernelSize));
        (KernelSize, Stride) = (kernelSize, stride ?? kernelSize);
    }

    public int KernelSize { get; }
    public int Stride { get; }
    public override Tensor Forward(Tensor input) => Ops.MaxPool2d(input, KernelSize, Stride);
}

using GanDsl.Autograd;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>2-D convolution with a square kernel, weight [out, in, k, k], as torch.nn.Conv2d.</summary>
public sealed class Conv2d : Module
{
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride = 1, int padding = 0, bool bias = true)
    {
        Guard.Positive("Conv2d", "inChannels", inChannels);
        Guard.Positive("Conv2d", "outChannels", outChannels);
        Guard.Positive("Conv2d", "kernelSize", kernelSize);
        Guard.Positive("Conv2d", "stride", stride);
        Guard.NonNegative("Conv2d", "padding", padding);
        (InChannels, OutChannels, KernelSize, Stride, Padding) = (inChannels, outChannels, kernelSize, stride, padding);
        Weight = RegisterParameter("weight", Tensor.Zeros(outChannels, inChannels, kernelSize, kernelSize));
        Bias = bias ? RegisterParameter("bias", Tensor.Zeros(outChannels)) : null;
    }

    public int InChannels { get; }
    public int OutChannels { get; }
    public int KernelSize { get; }
    public int Stride { get; }
    public int Padding { get; }
    public Tensor Weight { get; }
    public Tensor? Bias { get; }

    public override Tensor Forward(Tensor input) => Ops.Conv2d(input, Weight, Bias, Stride, Padding);

    protected override void ResetParameters(InitScheme scheme, Rng rng)
    {
        if (scheme == InitScheme.Dcgan) Init.Dcgan(Weight, Bias, rng);
        else Init.PyTorchDefault(Weight, Bias, Init.FanIn(Weight.Shape), rng);
    }
}

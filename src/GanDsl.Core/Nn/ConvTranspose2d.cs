using GanDsl.Autograd;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>Transposed 2-D convolution, weight [in, out, k, k] as torch.nn.ConvTranspose2d lays it out.</summary>
public sealed class ConvTranspose2d : Module
{
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize, int stride = 1, int padding = 0, int outputPadding = 0, bool bias = true)
    {
        Guard.Positive("ConvTranspose2d", "inChannels", inChannels);
        Guard.Positive("ConvTranspose2d", "outChannels", outChannels);
        Guard.Positive("ConvTranspose2d", "kernelSize", kernelSize);
        Guard.Positive("ConvTranspose2d", "stride", stride);
        Guard.NonNegative("ConvTranspose2d", "padding", padding);
        Guard.NonNegative("ConvTranspose2d", "outputPadding", outputPadding);
        (InChannels, OutChannels, KernelSize, Stride, Padding, OutputPadding) = (inChannels, outChannels, kernelSize, stride, padding, outputPadding);
        Weight = RegisterParameter("weight", Tensor.Zeros(inChannels, outChannels, kernelSize, kernelSize));
        Bias = bias ? RegisterParameter("bias", Tensor.Zeros(outChannels)) : null;
    }

    public int InChannels { get; }
    public int OutChannels { get; }
    public int KernelSize { get; }
    public int Stride { get; }
    public int Padding { get; }
    public int OutputPadding { get; }
    public Tensor Weight { get; }
    public Tensor? Bias { get; }

    public override Tensor Forward(Tensor input) => Ops.ConvTranspose2d(input, Weight, Bias, Stride, Padding, OutputPadding);

    /// <remarks>PyTorch computes the fan-in from dimension 1 of the weight, i.e. out·k·k for a transposed convolution.</remarks>
    protected override void ResetParameters(InitScheme scheme, Rng rng)
    {
        if (scheme == InitScheme.Dcgan) Init.Dcgan(Weight, Bias, rng);
        else Init.PyTorchDefault(Weight, Bias, Init.FanIn(Weight.Shape), rng);
    }
}

using GanDsl.Autograd;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>Transposed 2-D convolution, weight [in, out, k, k] as torch.nn.ConvTranspose2d lays it out.</summary>
public sealed class ConvTranspose2d : Module
{
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize, int stride = ConvolutionArguments.DefaultStride,
        int padding = ConvolutionArguments.DefaultPadding, int outputPadding = ConvTranspose2dLayer.DefaultOutputPadding,
        bool bias = ConvolutionArguments.DefaultBias)
    {
        LayerValidation.Require(LayerSpec.ConvTranspose2d(outChannels, kernelSize, stride, padding, outputPadding, bias), inChannels);
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
    protected override void ResetParameters(Init scheme, Rng rng)
    {
        if (scheme == Init.Dcgan) Initializers.Dcgan(Weight, Bias, rng);
        else Initializers.PyTorchDefault(Weight, Bias, Initializers.FanIn(Weight.Shape), rng);
    }
}

using GanDsl.Autograd;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>2-D convolution with a square kernel, weight [out, in, k, k], as torch.nn.Conv2d.</summary>
public sealed class Conv2d : Module
{
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride = ConvolutionArguments.DefaultStride,
        int padding = ConvolutionArguments.DefaultPadding, bool bias = ConvolutionArguments.DefaultBias)
    {
        LayerValidation.Require(LayerSpec.Conv2d(outChannels, kernelSize, stride, padding, bias), inChannels);
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

    protected override void ResetParameters(Init scheme, Rng rng)
    {
        if (scheme == Init.Dcgan) Initializers.Dcgan(Weight, Bias, rng);
        else Initializers.PyTorchDefault(Weight, Bias, Initializers.FanIn(Weight.Shape), rng);
    }
}

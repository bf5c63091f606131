using GanDsl.Autograd;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>2-D convolution with a square kernel, weight [out, in, k, k], as torch.nn.Conv2d (spectrally normalised on request).</summary>
public sealed class Conv2d : WeightedLayer
{
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride = ConvolutionArguments.DefaultStride,
        int padding = ConvolutionArguments.DefaultPadding, bool bias = ConvolutionArguments.DefaultBias, bool spectralNorm = SpectralNormOption.Default)
        : base(Validated(inChannels, outChannels, kernelSize, stride, padding, bias, spectralNorm), outChannels, bias, spectralNorm, spectralDim: 0)
    {
        (InChannels, OutChannels, KernelSize, Stride, Padding) = (inChannels, outChannels, kernelSize, stride, padding);
    }

    public int InChannels { get; }
    public int OutChannels { get; }
    public int KernelSize { get; }
    public int Stride { get; }
    public int Padding { get; }

    public override Tensor Forward(Tensor input) => Ops.Conv2d(input, ForwardWeight(), Bias, Stride, Padding);

    protected override void ResetParameters(Init scheme, Rng rng)
    {
        if (scheme == Init.Dcgan) Initializers.Dcgan(Weight, Bias, rng);
        else Initializers.PyTorchDefault(Weight, Bias, Initializers.FanIn(Weight.Shape), rng);
        ResetSpectralVectors(rng);
    }

    private static int[] Validated(int inChannels, int outChannels, int kernelSize, int stride, int padding, bool bias, bool spectralNorm)
    {
        LayerValidation.Require(LayerSpec.Conv2d(outChannels, kernelSize, stride, padding, bias, spectralNorm), inChannels);
        return [outChannels, inChannels, kernelSize, kernelSize];
    }
}

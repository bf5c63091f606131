using GanDsl.Autograd;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>
/// Transposed 2-D convolution, weight [in, out, k, k] as torch.nn.ConvTranspose2d lays it out; spectral norm treats the
/// output channels (dim 1) as the weight's rows, as PyTorch's spectral_norm does for transposed convolutions.
/// </summary>
public sealed class ConvTranspose2d : WeightedLayer
{
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize, int stride = ConvolutionArguments.DefaultStride,
        int padding = ConvolutionArguments.DefaultPadding, int outputPadding = ConvTranspose2dLayer.DefaultOutputPadding,
        bool bias = ConvolutionArguments.DefaultBias, bool spectralNorm = SpectralNormOption.Default)
        : base(Validated(inChannels, outChannels, kernelSize, stride, padding, outputPadding, bias, spectralNorm), outChannels, bias, spectralNorm, spectralDim: 1)
    {
        (InChannels, OutChannels, KernelSize, Stride, Padding, OutputPadding) = (inChannels, outChannels, kernelSize, stride, padding, outputPadding);
    }

    public int InChannels { get; }
    public int OutChannels { get; }
    public int KernelSize { get; }
    public int Stride { get; }
    public int Padding { get; }
    public int OutputPadding { get; }

    public override Tensor Forward(Tensor input) => Ops.ConvTranspose2d(input, ForwardWeight(), Bias, Stride, Padding, OutputPadding);

    /// <remarks>PyTorch computes the fan-in from dimension 1 of the weight, i.e. out·k·k for a transposed convolution.</remarks>
    protected override void ResetParameters(Init scheme, Rng rng)
    {
        if (scheme == Init.Dcgan) Initializers.Dcgan(Weight, Bias, rng);
        else Initializers.PyTorchDefault(Weight, Bias, Initializers.FanIn(Weight.Shape), rng);
        ResetSpectralVectors(rng);
    }

    private static int[] Validated(int inChannels, int outChannels, int kernelSize, int stride, int padding, int outputPadding, bool bias, bool spectralNorm)
    {
        LayerValidation.Require(LayerSpec.ConvTranspose2d(outChannels, kernelSize, stride, padding, outputPadding, bias, spectralNorm), inChannels);
        return [inChannels, outChannels, kernelSize, kernelSize];
    }
}

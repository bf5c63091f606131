using GanDsl.Autograd;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>
/// Transposed 2-D convolution, weight [in, out, k, k] as torch.nn.ConvTranspose2d lays it out; spectral norm treats the
/// output channels (dim 1) as the weight's rows, as PyTorch's spectral_norm does for transposed convolutions.
/// </summary>
public sealed class ConvTranspose2d : WeightedLayer, IFusesActivation
{
    /// <summary>A transposed convolution from <paramref name="inChannels"/> to <paramref name="outChannels"/> channels; throws <see cref="ArgumentOutOfRangeException"/> with the compile-time check's sentence for a bad argument.</summary>
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize, int stride = ConvolutionArguments.DefaultStride,
        int padding = ConvolutionArguments.DefaultPadding, int outputPadding = ConvTranspose2dLayer.DefaultOutputPadding,
        bool bias = ConvolutionArguments.DefaultBias, bool spectralNorm = SpectralNormOption.Default)
        : base(Validated(inChannels, outChannels, kernelSize, stride, padding, outputPadding, bias, spectralNorm), outChannels, bias, spectralNorm, spectralDim: 1)
    {
        (InChannels, OutChannels, KernelSize, Stride, Padding, OutputPadding) = (inChannels, outChannels, kernelSize, stride, padding, outputPadding);
    }

    /// <summary>Channels of the input.</summary>
    public int InChannels { get; }
    /// <summary>Channels of the output.</summary>
    public int OutChannels { get; }
    /// <summary>Side of the square kernel.</summary>
    public int KernelSize { get; }
    /// <summary>Upsampling step.</summary>
    public int Stride { get; }
    /// <summary>Rows and columns removed from every side of the full output.</summary>
    public int Padding { get; }
    /// <summary>Extra rows and columns on one side of the output.</summary>
    public int OutputPadding { get; }

    /// <summary>[N, in, H, W] → [N, out, (H − 1)·stride − 2·padding + k + outputPadding, …].</summary>
    public override Tensor Forward(Tensor input) => Ops.ConvTranspose2d(input, ForwardWeight(), Bias, Stride, Padding, OutputPadding);

    /// <summary>
    /// This layer and then <paramref name="next"/> on <paramref name="input"/>: with a bias, a <see cref="ReLU"/> or
    /// <see cref="LeakyReLU"/> runs fused with the bias (<see cref="Ops.ChannelBiasLeakyRelu"/>: one pass over the output
    /// fewer each way, the same bits as the two layers one after the other); anything else runs after it. Generated nets
    /// call it for a convolution followed by one of those activations.
    /// </summary>
    public Tensor ForwardThen(Module next, Tensor input)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (Bias is null || ActivationFusion.SlopeOf(next) is not { } slope) return next.Forward(Forward(input));
        return Ops.ChannelBiasLeakyRelu(Ops.ConvTranspose2d(input, ForwardWeight(), null, Stride, Padding, OutputPadding), Bias, slope);
    }

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

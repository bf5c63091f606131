using GanDsl.Autograd;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>2-D convolution with a square kernel, weight [out, in, k, k], as torch.nn.Conv2d (spectrally normalised on request).</summary>
public sealed class Conv2d : WeightedLayer, IFusesActivation
{
    /// <summary>A convolution from <paramref name="inChannels"/> to <paramref name="outChannels"/> channels; throws <see cref="ArgumentOutOfRangeException"/> with the compile-time check's sentence for a bad argument.</summary>
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride = ConvolutionArguments.DefaultStride,
        int padding = ConvolutionArguments.DefaultPadding, bool bias = ConvolutionArguments.DefaultBias, bool spectralNorm = SpectralNormOption.Default)
        : base(Validated(inChannels, outChannels, kernelSize, stride, padding, bias, spectralNorm), outChannels, bias, spectralNorm, spectralDim: 0)
    {
        (InChannels, OutChannels, KernelSize, Stride, Padding) = (inChannels, outChannels, kernelSize, stride, padding);
    }

    /// <summary>Channels of the input.</summary>
    public int InChannels { get; }
    /// <summary>Channels of the output.</summary>
    public int OutChannels { get; }
    /// <summary>Side of the square kernel.</summary>
    public int KernelSize { get; }
    /// <summary>Step of the kernel.</summary>
    public int Stride { get; }
    /// <summary>Zeros added on every side of the input.</summary>
    public int Padding { get; }

    /// <summary>[N, in, H, W] → [N, out, H', W'].</summary>
    public override Tensor Forward(Tensor input) => Ops.Conv2d(input, ForwardWeight(), Bias, Stride, Padding);

    /// <summary>
    /// This layer on <paramref name="input"/> [N, c, H, W] followed by <see cref="InChannels"/> − c planes of zeros (a
    /// conditional discriminator's pass with blank label planes), without the zeros: only the weights of the first c
    /// input channels take part, since the others multiply nothing but zeros. The same outputs and gradients up to float
    /// rounding (with fewer channels a kernel may take another path, which sums in another order), and the other
    /// channels' weights get a zero gradient, as with the planes. With <paramref name="next"/>, that layer follows, fused
    /// with the bias as in <see cref="ForwardThen"/>.
    /// </summary>
    public Tensor ForwardLeadingChannels(Tensor input, Module? next = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        int channels = input.Shape.Rank == 4 ? input.Shape[1] : -1;
        if (channels < 1 || channels > InChannels)
            throw new ArgumentException($"Conv2d.ForwardLeadingChannels needs an input [N, c, H, W] with 1 to {InChannels} channels, not {input.Shape}.", nameof(input));
        var weight = ForwardWeight();
        return BiasThen(Ops.Conv2d(input, channels == InChannels ? weight : Ops.Narrow(weight, 1, 0, channels), null, Stride, Padding), next);
    }

    /// <summary>
    /// This layer on <paramref name="image"/> [N, c, H, W] followed by the one-hot planes of <paramref name="labels"/>
    /// (<see cref="InChannels"/> − c classes), without the planes: the image's channels are convolved, and each sample gets
    /// its class's map, the convolution of a plane of ones with that class's weights (<see cref="Ops.Conv2dWithOneHotPlanes"/>).
    /// The same outputs and gradients up to float rounding; a conditional discriminator's labelled pass runs it. With
    /// <paramref name="next"/>, that layer follows, fused with the bias as in <see cref="ForwardThen"/>.
    /// </summary>
    public Tensor ForwardWithOneHotPlanes(Tensor image, int[] labels, Module? next = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        int channels = image.Shape.Rank == 4 ? image.Shape[1] : -1;
        if (channels < 1 || channels >= InChannels)
            throw new ArgumentException($"Conv2d.ForwardWithOneHotPlanes needs an image [N, c, H, W] with 1 to {InChannels - 1} channels, the label planes making up the {InChannels}, not {image.Shape}.", nameof(image));
        return BiasThen(Ops.Conv2dWithOneHotPlanes(image, ForwardWeight(), null, labels, Stride, Padding), next);
    }

    /// <summary>
    /// This layer and then <paramref name="next"/> on <paramref name="input"/>: with a bias, a <see cref="ReLU"/> or
    /// <see cref="LeakyReLU"/> runs fused with the bias (<see cref="Ops.ChannelBiasLeakyRelu"/>: one pass over the output
    /// fewer each way, the same bits as the two layers one after the other); anything else runs after it. Generated nets
    /// call it for a convolution followed by one of those activations.
    /// </summary>
    public Tensor ForwardThen(Module next, Tensor input)
    {
        ArgumentNullException.ThrowIfNull(next);
        return BiasThen(Ops.Conv2d(input, ForwardWeight(), null, Stride, Padding), next);
    }

    /// <summary>
    /// The bias and then <paramref name="next"/> (if any) on a convolution computed without the bias: fused into one op
    /// when <paramref name="next"/> is a ReLU or LeakyReLU, otherwise the add <see cref="Ops.Conv2d"/> itself does (the
    /// same bits), then <paramref name="next"/>.
    /// </summary>
    private Tensor BiasThen(Tensor unbiased, Module? next)
    {
        if (Bias is not null && next is not null && ActivationFusion.SlopeOf(next) is { } slope)
            return Ops.ChannelBiasLeakyRelu(unbiased, Bias, slope);
        var y = Bias is null ? unbiased : Ops.Add(unbiased, Ops.Reshape(Bias, 1, Bias.Shape[0], 1, 1));
        return next is null ? y : next.Forward(y);
    }

    /// <summary>PyTorch's default U(±1/√fan_in) or DCGAN's N(0, 0.02), then spectral norm's starting vectors.</summary>
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

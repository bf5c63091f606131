using GanDsl.Autograd;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>y = x·Wᵀ + b with weight [out, in] and bias [out], as torch.nn.Linear (spectrally normalised on request).</summary>
public sealed class Linear : WeightedLayer
{
    /// <summary>A layer from <paramref name="inFeatures"/> to <paramref name="outFeatures"/>; throws <see cref="ArgumentOutOfRangeException"/> with the compile-time check's sentence for a bad argument.</summary>
    public Linear(int inFeatures, int outFeatures, bool bias = LinearLayer.DefaultBias, bool spectralNorm = SpectralNormOption.Default)
        : base(Validated(inFeatures, outFeatures, bias, spectralNorm), outFeatures, bias, spectralNorm, spectralDim: 0)
    {
        (InFeatures, OutFeatures) = (inFeatures, outFeatures);
    }

    /// <summary>Width of the input.</summary>
    public int InFeatures { get; }
    /// <summary>Width of the output.</summary>
    public int OutFeatures { get; }

    /// <summary>[N, in] → [N, out].</summary>
    public override Tensor Forward(Tensor input) => Ops.Linear(input, ForwardWeight(), Bias);

    /// <summary>PyTorch's default U(±1/√in) or DCGAN's N(0, 0.02), then spectral norm's starting vectors.</summary>
    protected override void ResetParameters(Init scheme, Rng rng)
    {
        if (scheme == Init.Dcgan) Initializers.Dcgan(Weight, Bias, rng);
        else Initializers.PyTorchDefault(Weight, Bias, InFeatures, rng);
        ResetSpectralVectors(rng);
    }

    /// <summary>The weight shape, once the arguments passed the kind's rules (checked before anything is allocated).</summary>
    private static int[] Validated(int inFeatures, int outFeatures, bool bias, bool spectralNorm)
    {
        LayerValidation.Require(LayerSpec.Linear(outFeatures, bias, spectralNorm), inFeatures);
        return [outFeatures, inFeatures];
    }
}

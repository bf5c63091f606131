using GanDsl.Autograd;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>y = x·Wᵀ + b with weight [out, in] and bias [out], as torch.nn.Linear (spectrally normalised on request).</summary>
public sealed class Linear : WeightedLayer
{
    public Linear(int inFeatures, int outFeatures, bool bias = LinearLayer.DefaultBias, bool spectralNorm = SpectralNormOption.Default)
        : base(Validated(inFeatures, outFeatures, bias, spectralNorm), outFeatures, bias, spectralNorm, spectralDim: 0)
    {
        (InFeatures, OutFeatures) = (inFeatures, outFeatures);
    }

    public int InFeatures { get; }
    public int OutFeatures { get; }

    public override Tensor Forward(Tensor input) => Ops.Linear(input, ForwardWeight(), Bias);

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

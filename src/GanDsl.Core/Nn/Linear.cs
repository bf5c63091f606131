using GanDsl.Autograd;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>y = x·Wᵀ + b with weight [out, in] and bias [out], as torch.nn.Linear.</summary>
public sealed class Linear : Module
{
    public Linear(int inFeatures, int outFeatures, bool bias = true)
    {
        Guard.Positive("Linear", "inFeatures", inFeatures);
        Guard.Positive("Linear", "outFeatures", outFeatures);
        (InFeatures, OutFeatures) = (inFeatures, outFeatures);
        Weight = RegisterParameter("weight", Tensor.Zeros(outFeatures, inFeatures));
        Bias = bias ? RegisterParameter("bias", Tensor.Zeros(outFeatures)) : null;
    }

    public int InFeatures { get; }
    public int OutFeatures { get; }
    public Tensor Weight { get; }
    public Tensor? Bias { get; }

    public override Tensor Forward(Tensor input) => Ops.Linear(input, Weight, Bias);

    protected override void ResetParameters(InitScheme scheme, Rng rng)
    {
        if (scheme == InitScheme.Dcgan) Init.Dcgan(Weight, Bias, rng);
        else Init.PyTorchDefault(Weight, Bias, InFeatures, rng);
    }
}

using GanDsl.Autograd;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>y = x·Wᵀ + b with weight [out, in] and bias [out], as torch.nn.Linear.</summary>
public sealed class Linear : Module
{
    public Linear(int inFeatures, int outFeatures, bool bias = LinearLayer.DefaultBias)
    {
        LayerValidation.Require(LayerSpec.Linear(outFeatures, bias), inFeatures);
        (InFeatures, OutFeatures) = (inFeatures, outFeatures);
        Weight = RegisterParameter("weight", Tensor.Zeros(outFeatures, inFeatures));
        Bias = bias ? RegisterParameter("bias", Tensor.Zeros(outFeatures)) : null;
    }

    public int InFeatures { get; }
    public int OutFeatures { get; }
    public Tensor Weight { get; }
    public Tensor? Bias { get; }

    public override Tensor Forward(Tensor input) => Ops.Linear(input, Weight, Bias);

    protected override void ResetParameters(Init scheme, Rng rng)
    {
        if (scheme == Init.Dcgan) Initializers.Dcgan(Weight, Bias, rng);
        else Initializers.PyTorchDefault(Weight, Bias, InFeatures, rng);
    }
}

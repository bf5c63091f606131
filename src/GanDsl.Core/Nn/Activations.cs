using GanDsl.Autograd;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>max(x, 0).</summary>
public sealed class ReLU : Module
{
    public override Tensor Forward(Tensor input) => Ops.Relu(input);
}

/// <summary>x for x &gt; 0, slope·x otherwise (PyTorch's default slope 0.01).</summary>
public sealed class LeakyReLU : Module
{
    public LeakyReLU(double negativeSlope = LeakyReLULayer.DefaultNegativeSlope)
    {
        LayerValidation.Require(LayerSpec.LeakyReLU(negativeSlope));
        NegativeSlope = negativeSlope;
    }

    public double NegativeSlope { get; }
    public override Tensor Forward(Tensor input) => Ops.LeakyRelu(input, (float)NegativeSlope);
}

public sealed class Tanh : Module
{
    public override Tensor Forward(Tensor input) => Ops.Tanh(input);
}

public sealed class Sigmoid : Module
{
    public override Tensor Forward(Tensor input) => Ops.Sigmoid(input);
}

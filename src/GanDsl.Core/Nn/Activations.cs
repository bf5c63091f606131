using GanDsl.Autograd;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>max(x, 0).</summary>
public sealed class ReLU : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Ops.Relu(input);
}

/// <summary>x for x &gt; 0, slope·x otherwise (PyTorch's default slope 0.01).</summary>
public sealed class LeakyReLU : Module
{
    /// <summary>A leaky ReLU with the given slope for negative inputs (<c>nn.LeakyReLU(negative_slope)</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The slope is negative, infinite or NaN.</exception>
    public LeakyReLU(double negativeSlope = LeakyReLULayer.DefaultNegativeSlope)
    {
        LayerValidation.Require(LayerSpec.LeakyReLU(negativeSlope));
        NegativeSlope = negativeSlope;
    }

    /// <summary>The slope for negative inputs.</summary>
    public double NegativeSlope { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Ops.LeakyRelu(input, (float)NegativeSlope);
}

/// <summary>tanh(x), into (−1, 1): the usual last layer of a generator of images in [−1, 1] (<c>nn.Tanh</c>).</summary>
public sealed class Tanh : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Ops.Tanh(input);
}

/// <summary>1 / (1 + e⁻ˣ), into (0, 1): a discriminator that ends in it outputs probabilities (<c>nn.Sigmoid</c>).</summary>
public sealed class Sigmoid : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Ops.Sigmoid(input);
}

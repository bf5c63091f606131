using GanDsl.Autograd;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>Inverted dropout with its own seeded random source (re-seeded by <see cref="Module.Initialize"/>; saved in checkpoints).</summary>
public sealed class Dropout : Module
{
    /// <summary>Dropout zeroing each element with probability <paramref name="p"/> in training (<c>nn.Dropout(p)</c>, default 0.5).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is not in [0, 1).</exception>
    public Dropout(double p = DropoutLayer.DefaultP)
    {
        LayerValidation.Require(LayerSpec.Dropout(p));
        P = p;
    }

    /// <summary>The probability of zeroing an element; survivors are scaled by 1 / (1 − p) so the expected value is unchanged.</summary>
    public double P { get; }
    /// <summary>The source of this layer's masks; replaced by <see cref="Module.Initialize"/>, its state saved in checkpoints.</summary>
    public Rng Rng { get; private set; } = new(0);

    /// <summary>In training mode, the input with a fresh random mask applied; in eval mode, the input unchanged.</summary>
    public override Tensor Forward(Tensor input) => Ops.Dropout(input, P, Training, Rng);

    /// <inheritdoc/>
    protected override Rng? OwnRandomSource => Rng;

    /// <summary>Seeds the mask source with one draw from <paramref name="rng"/>.</summary>
    protected override void ResetParameters(Init scheme, Rng rng) => Rng = new Rng(rng.NextUInt64());
}

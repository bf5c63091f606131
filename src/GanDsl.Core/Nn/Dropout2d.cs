using GanDsl.Autograd;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>
/// Channel dropout (torch.nn.Dropout2d): in training each channel of each sample is zeroed with probability p, the rest scaled
/// by 1/(1−p). Its own seeded random source, re-seeded by <see cref="Module.Initialize"/> and saved in checkpoints, as Dropout's.
/// </summary>
public sealed class Dropout2d : Module
{
    /// <summary>Channel dropout with probability <paramref name="p"/> (0.5 by default); throws <see cref="ArgumentOutOfRangeException"/> when it is not in [0, 1).</summary>
    public Dropout2d(double p = Dropout2dLayer.DefaultP)
    {
        LayerValidation.Require(LayerSpec.Dropout2d(p));
        P = p;
    }

    /// <summary>The probability of zeroing a channel; survivors are scaled by 1 / (1 − p).</summary>
    public double P { get; }
    /// <summary>The source of this layer's masks; replaced by <see cref="Module.Initialize"/>, its state saved in checkpoints.</summary>
    public Rng Rng { get; private set; } = new(0);

    /// <summary>In training mode, the input with whole channels zeroed at random; in eval mode, the input unchanged.</summary>
    public override Tensor Forward(Tensor input) => Ops.Dropout2d(input, P, Training, Rng);

    /// <inheritdoc/>
    protected override Rng? OwnRandomSource => Rng;

    /// <summary>Seeds the mask source with one draw from <paramref name="rng"/>.</summary>
    protected override void ResetParameters(Init scheme, Rng rng) => Rng = new Rng(rng.NextUInt64());
}

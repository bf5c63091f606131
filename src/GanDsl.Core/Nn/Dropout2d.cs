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
    public Dropout2d(double p = Dropout2dLayer.DefaultP)
    {
        LayerValidation.Require(LayerSpec.Dropout2d(p));
        P = p;
    }

    public double P { get; }
    public Rng Rng { get; private set; } = new(0);

    public override Tensor Forward(Tensor input) => Ops.Dropout2d(input, P, Training, Rng);

    protected override Rng? OwnRandomSource => Rng;

    protected override void ResetParameters(Init scheme, Rng rng) => Rng = new Rng(rng.NextUInt64());
}

using GanDsl.Autograd;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>Inverted dropout with its own seeded random source (re-seeded by <see cref="Module.Initialize"/>; saved in checkpoints).</summary>
public sealed class Dropout : Module
{
    public Dropout(double p = DropoutLayer.DefaultP)
    {
        LayerValidation.Require(LayerSpec.Dropout(p));
        P = p;
    }

    public double P { get; }
    public Rng Rng { get; private set; } = new(0);

    public override Tensor Forward(Tensor input) => Ops.Dropout(input, P, Training, Rng);

    protected override Rng? OwnRandomSource => Rng;

    protected override void ResetParameters(Init scheme, Rng rng) => Rng = new Rng(rng.NextUInt64());
}

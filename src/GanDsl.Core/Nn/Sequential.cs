using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>Layers applied in order; children are named "0", "1", … as in torch.nn.Sequential.</summary>
public sealed class Sequential : Module
{
    private readonly Module[] _layers;

    private readonly NetArchitecture? _architecture;

    /// <summary>A stack of <paramref name="layers"/>, registered as children "0", "1", ….</summary>
    public Sequential(params Module[] layers) : this(layers, null) { }

    /// <summary>A stack built from <paramref name="architecture"/>'s layers (by <see cref="LayerStack.Build"/>), which it reports.</summary>
    internal Sequential(Module[] layers, NetArchitecture? architecture)
    {
        _architecture = architecture;
        _layers = (Module[])layers.Clone();
        for (int i = 0; i < _layers.Length; i++) Register(i.ToString(System.Globalization.CultureInfo.InvariantCulture), _layers[i]);
    }

    /// <summary>Number of layers.</summary>
    public int Count => _layers.Length;

    /// <inheritdoc/>
    public override NetArchitecture? Architecture => _architecture;
    /// <summary>The layer at <paramref name="index"/>.</summary>
    public Module this[int index] => _layers[index];

    /// <summary>Runs the layers in order.</summary>
    public override Tensor Forward(Tensor input)
    {
        var x = input;
        for (int i = 0; i < _layers.Length; i++)
        {
            // A batch norm or a convolution and the ReLU after it run as one fused op, as in generated nets (the same
            // bits, one pass fewer).
            if (_layers[i] is IFusesActivation fusing && i + 1 < _layers.Length && ActivationFusion.Fuses(_layers[i + 1]))
                x = fusing.ForwardThen(_layers[++i], x);
            else
                x = _layers[i].Forward(x);
        }
        return x;
    }
}

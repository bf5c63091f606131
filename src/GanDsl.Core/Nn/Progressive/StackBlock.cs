using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn.Progressive;

/// <summary>
/// A <see cref="BlockModule"/> built at run time from layer specifications, with the same shape rules and messages as
/// <c>[GanBlock]</c>; children are named "0", "1", … as in torch.nn.Sequential.
/// </summary>
public sealed class StackBlock : BlockModule
{
    private readonly Module[] _layers;
    private readonly int[] _input;
    private readonly int[] _output;
    private readonly bool _sigmoid;
    private readonly NetArchitecture _architecture;

    /// <summary>Throws <see cref="ShapeMismatchException"/> naming the first layer that cannot accept its input.</summary>
    public StackBlock(IReadOnlyList<int> inputShape, IReadOnlyList<LayerSpec> layers, ulong seed = 42, Init init = Init.PyTorchDefault)
    {
        if (layers.Count == 0) throw new ArgumentException("StackBlock needs at least one layer; pass its layer specifications.", nameof(layers));
        var built = LayerStack.Build(inputShape, layers.ToArray());
        _layers = new Module[built.Count];
        for (int i = 0; i < built.Count; i++) _layers[i] = Register(i.ToString(System.Globalization.CultureInfo.InvariantCulture), built[i]);
        var shapes = ShapeInference.InferStack(inputShape, layers);
        _input = shapes.Input;
        _output = shapes.Outputs[^1];
        _sigmoid = layers[^1].Kind == LayerKind.Sigmoid;
        _architecture = built.Architecture! with { Init = init };
        Initialize(init, new Rng(seed));
    }

    /// <inheritdoc/>
    public override int[] InputShape => (int[])_input.Clone();
    /// <inheritdoc/>
    public override int[] OutputShape => (int[])_output.Clone();
    /// <inheritdoc/>
    public override bool EndsInSigmoid => _sigmoid;

    /// <summary>The block's layer stack as data (as a <c>[GanBlock]</c> class reports it), for other engines and ONNX export.</summary>
    public override NetArchitecture Architecture => _architecture;

    /// <summary>Runs the layers in order.</summary>
    public override Tensor Forward(Tensor input)
    {
        var x = input;
        foreach (var layer in _layers) x = layer.Forward(x);
        return x;
    }
}

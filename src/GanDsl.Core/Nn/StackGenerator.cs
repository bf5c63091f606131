using System.Globalization;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>
/// A generator made at run time from a layer stack (<see cref="LayerStack.Generator(int, Shapes.LayerSpec[])"/>): latent noise
/// [N, LatentDim] through the layers, which are named "0", "1", … as in <c>nn.Sequential</c>, so checkpoints carry the
/// same names as a declared net's. Unconditional.
/// </summary>
public sealed class StackGenerator : GeneratorModule
{
    private readonly Module[] _layers;
    private readonly NetArchitecture _architecture;

    internal StackGenerator(int latentDim, Sequential stack, int[] outputShape, Init init)
    {
        (LatentDim, OutputShape) = (latentDim, outputShape);
        _layers = Enumerable.Range(0, stack.Count).Select(i => Register(i.ToString(CultureInfo.InvariantCulture), stack[i])).ToArray();
        _architecture = stack.Architecture! with { Init = init };
    }

    /// <inheritdoc/>
    public override int LatentDim { get; }

    /// <summary>Always 0: a stack generator is unconditional.</summary>
    public override int Classes => 0;

    /// <inheritdoc/>
    public override int[] OutputShape { get; }

    /// <inheritdoc/>
    public override NetArchitecture? Architecture => _architecture;

    /// <summary>Runs the stack on <paramref name="z"/>; <paramref name="labels"/> must be null (the net is unconditional).</summary>
    public override Tensor Generate(Tensor z, int[]? labels)
    {
        if (labels is not null) throw new ArgumentException("A stack generator is unconditional, so it takes no labels; pass null.", nameof(labels));
        var x = z;
        foreach (var layer in _layers) x = layer.Forward(x);
        return x;
    }
}

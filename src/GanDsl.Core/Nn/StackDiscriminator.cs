using System.Globalization;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>
/// A discriminator made at run time from a layer stack (<see cref="LayerStack.Discriminator(IReadOnlyList{int}, Shapes.LayerSpec[])"/>):
/// samples of <see cref="InputShape"/> through the layers (named "0", "1", … as in <c>nn.Sequential</c>) to one score per
/// sample, a probability when the stack ends in Sigmoid. Unconditional.
/// </summary>
public sealed class StackDiscriminator : DiscriminatorModule
{
    private readonly Module[] _layers;
    private readonly NetArchitecture _architecture;

    internal StackDiscriminator(int[] inputShape, Sequential stack, bool outputsProbability, Init init)
    {
        (InputShape, OutputsProbability) = (inputShape, outputsProbability);
        _layers = Enumerable.Range(0, stack.Count).Select(i => Register(i.ToString(CultureInfo.InvariantCulture), stack[i])).ToArray();
        _architecture = stack.Architecture! with { Init = init };
    }

    /// <summary>Always 0: a stack discriminator is unconditional.</summary>
    public override int Classes => 0;

    /// <inheritdoc/>
    public override int[] InputShape { get; }

    /// <inheritdoc/>
    public override bool OutputsProbability { get; }

    /// <inheritdoc/>
    public override NetArchitecture? Architecture => _architecture;

    /// <summary>Runs the stack on <paramref name="x"/>; <paramref name="labels"/> must be null (the net is unconditional).</summary>
    public override Tensor Score(Tensor x, int[]? labels)
    {
        if (labels is not null) throw new ArgumentException("A stack discriminator is unconditional, so it takes no labels; pass null.", nameof(labels));
        foreach (var layer in _layers) x = layer.Forward(x);
        return x;
    }
}

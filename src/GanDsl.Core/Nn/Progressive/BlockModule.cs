using GanDsl.Tensors;

namespace GanDsl.Nn.Progressive;

/// <summary>
/// A shape-checked building block: a layer stack from a declared per-sample input shape to the shape its layers produce.
/// <c>[GanBlock(...)]</c> classes derive from it; <see cref="StackBlock"/> builds one at run time.
/// </summary>
public abstract class BlockModule : Module
{
    /// <summary>Per-sample input shape, without the batch dimension.</summary>
    public abstract int[] InputShape { get; }

    /// <summary>Per-sample output shape, without the batch dimension.</summary>
    public abstract int[] OutputShape { get; }

    /// <summary>True when the last layer is Sigmoid (a discriminator head then outputs probabilities).</summary>
    public virtual bool EndsInSigmoid => false;
}

namespace GanDsl.Tensors;

/// <summary>
/// A dense float32 tensor: a shape and a contiguous row-major buffer (NCHW for images).
/// Tensors that require gradients carry the op that produced them (<see cref="GradFn"/>)
/// and, for leaves, the accumulated gradient (<see cref="Grad"/>).
/// </summary>
public sealed partial class Tensor
{
    /// <summary>A zero-filled tensor of <paramref name="shape"/> (as <c>torch.zeros</c>), not requiring a gradient.</summary>
    public Tensor(Shape shape) : this(shape, new float[shape.Size]) { }

    /// <summary>A tensor over <paramref name="data"/> (row-major, taken without a copy: later writes to the array show in the tensor).</summary>
    /// <exception cref="ArgumentException"><paramref name="data"/>'s length is not <paramref name="shape"/>'s size.</exception>
    public Tensor(Shape shape, float[] data)
    {
        if (data.Length != shape.Size)
            throw new ArgumentException($"A tensor of shape {shape} needs {shape.Size} values but was given {data.Length}.");
        Shape = shape;
        Data = data;
    }

    /// <summary>
    /// A tensor whose buffer comes from the active <see cref="BufferScope"/> (ops' results): zeroed, or with stale values
    /// when <paramref name="clear"/> is false and the caller overwrites every element.
    /// </summary>
    internal static Tensor Pooled(Shape shape, bool clear = true) => new(shape, BufferScope.Rent(shape.Size, clear));

    /// <summary>The dimensions, outermost first (NCHW for images).</summary>
    public Shape Shape { get; }

    /// <summary>The values, row-major. Mutating them in place bypasses autograd: do so only on leaves under no-grad.</summary>
    public float[] Data { get; }

    /// <summary>Number of elements (<c>numel()</c> in PyTorch).</summary>
    public int Size => Data.Length;
    /// <summary>Number of dimensions (<c>dim()</c> in PyTorch).</summary>
    public int Rank => Shape.Rank;

    /// <summary>True for parameters and inputs whose gradient is wanted.</summary>
    public bool RequiresGrad { get; set; }

    /// <summary>The op that produced this tensor; null for leaves and for results computed without grad.</summary>
    public GradFunction? GradFn { get; set; }

    /// <summary>True when no op produced this tensor under autograd (parameters, inputs, detached results), as PyTorch's <c>is_leaf</c>.</summary>
    public bool IsLeaf => GradFn is null;

    /// <summary>A zero-filled tensor of the given dimensions (<c>torch.zeros</c>).</summary>
    public static Tensor Zeros(params int[] dims) => new(new Shape(dims));

    /// <summary>A tensor of the given dimensions with every element <paramref name="value"/> (<c>torch.full</c>).</summary>
    public static Tensor Full(float value, params int[] dims)
    {
        var t = new Tensor(new Shape(dims));
        Array.Fill(t.Data, value);
        return t;
    }

    /// <summary>A tensor over <paramref name="data"/> (row-major, no copy) with the given dimensions.</summary>
    /// <exception cref="ArgumentException">The dimensions' product is not <paramref name="data"/>'s length.</exception>
    public static Tensor FromArray(float[] data, params int[] dims) => new(new Shape(dims), data);

    /// <summary>A rank-0 tensor holding <paramref name="value"/> (<c>torch.tensor(value)</c>).</summary>
    public static Tensor Scalar(float value) => new(Shape.Scalar, new[] { value });

    /// <summary>The single value of a one-element tensor.</summary>
    public float Item()
    {
        if (Size != 1) throw new InvalidOperationException($"Item() needs a tensor with one element but the shape is {Shape}.");
        return Data[0];
    }

    /// <summary>
    /// A new leaf over the same buffer, cut off from the graph (as PyTorch's <c>detach</c>): nothing is copied, so a write
    /// through either tensor shows in both. Use <see cref="Clone"/> for a copy.
    /// </summary>
    public Tensor Detach() => new(Shape, Data);

    /// <summary>A deep copy of the values as a new leaf.</summary>
    public Tensor Clone() => new(Shape, (float[])Data.Clone());

    /// <summary>Marks this tensor as wanting a gradient (<c>requires_grad_()</c>) and returns it, for chaining.</summary>
    public Tensor RequireGrad()
    {
        RequiresGrad = true;
        return this;
    }

    /// <summary>The type and shape, e.g. <c>Tensor[2, 4]</c>; the values are not printed.</summary>
    public override string ToString() => $"Tensor{Shape}";
}

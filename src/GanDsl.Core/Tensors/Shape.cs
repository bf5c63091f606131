namespace GanDsl.Tensors;

/// <summary>An immutable tensor shape (row-major, outermost dimension first).</summary>
public sealed class Shape : IEquatable<Shape>
{
    private readonly int[] _dims;

    /// <summary>A shape with the given dimensions, outermost first (<c>new Shape(64, 1, 28, 28)</c> is NCHW); the array is copied.</summary>
    /// <exception cref="ArgumentException">A dimension is negative, or the shape holds more than 2^31-1 elements.</exception>
    public Shape(params int[] dims) : this(dims, owned: false) { }

    /// <summary>Takes <paramref name="dims"/> as is when <paramref name="owned"/> (a fresh array nobody else holds): no copy.</summary>
    private Shape(int[] dims, bool owned)
    {
        long size = 1;
        foreach (var d in dims)
        {
            if (d < 0) throw new ArgumentException($"A shape cannot have a negative dimension: [{string.Join(", ", dims)}].");
            size *= d;
            if (size > int.MaxValue) throw new ArgumentException($"Shape [{string.Join(", ", dims)}] holds more than 2^31-1 elements.");
        }
        _dims = owned ? dims : (int[])dims.Clone();
        Size = (int)size;
    }

    /// <summary>The rank-0 shape <c>[]</c> of a single value (size 1).</summary>
    public static readonly Shape Scalar = new();

    /// <summary>A shape over a freshly built array that the caller hands over (ops' result shapes: one allocation fewer).</summary>
    internal static Shape Owning(params int[] dims) => new(dims, owned: true);

    /// <summary>Number of dimensions.</summary>
    public int Rank => _dims.Length;
    /// <summary>Number of elements: the product of the dimensions (1 for <see cref="Scalar"/>).</summary>
    public int Size { get; }
    /// <summary>The length of <paramref name="axis"/>; a negative axis counts from the end, as in PyTorch (<c>[-1]</c> is the last).</summary>
    public int this[int axis] => _dims[axis < 0 ? axis + _dims.Length : axis];
    /// <summary>The dimensions without a copy.</summary>
    public ReadOnlySpan<int> Dims => _dims;
    /// <summary>A copy of the dimensions.</summary>
    public int[] ToArray() => (int[])_dims.Clone();

    /// <summary>Elements spanned by one step along <paramref name="axis"/>.</summary>
    public int Stride(int axis)
    {
        int s = 1;
        for (int i = _dims.Length - 1; i > axis; i--) s *= _dims[i];
        return s;
    }

    /// <summary>This shape with dimension <paramref name="axis"/> set to <paramref name="value"/> (e.g. another batch size).</summary>
    public Shape With(int axis, int value)
    {
        var d = ToArray();
        d[axis] = value;
        return Owning(d);
    }

    /// <summary>True when both shapes have the same dimensions in the same order.</summary>
    public bool Equals(Shape? other) => other is not null && _dims.AsSpan().SequenceEqual(other._dims);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Shape);
    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var d in _dims) h.Add(d);
        return h.ToHashCode();
    }

    /// <summary>Value equality of the dimensions; two nulls are equal.</summary>
    public static bool operator ==(Shape? a, Shape? b) => a is null ? b is null : a.Equals(b);
    /// <summary>Negation of <c>==</c>.</summary>
    public static bool operator !=(Shape? a, Shape? b) => !(a == b);

    /// <summary>PyTorch-style text, e.g. <c>[64, 7, 7]</c>.</summary>
    public override string ToString() => "[" + string.Join(", ", _dims) + "]";
}

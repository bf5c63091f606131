namespace GanDsl.Tensors;

/// <summary>An immutable tensor shape (row-major, outermost dimension first).</summary>
public sealed class Shape : IEquatable<Shape>
{
    private readonly int[] _dims;

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

    public static readonly Shape Scalar = new();

    /// <summary>A shape over a freshly built array that the caller hands over (ops' result shapes: one allocation fewer).</summary>
    internal static Shape Owning(params int[] dims) => new(dims, owned: true);

    public int Rank => _dims.Length;
    public int Size { get; }
    public int this[int axis] => _dims[axis < 0 ? axis + _dims.Length : axis];
    public ReadOnlySpan<int> Dims => _dims;
    public int[] ToArray() => (int[])_dims.Clone();

    /// <summary>Elements spanned by one step along <paramref name="axis"/>.</summary>
    public int Stride(int axis)
    {
        int s = 1;
        for (int i = _dims.Length - 1; i > axis; i--) s *= _dims[i];
        return s;
    }

    public Shape With(int axis, int value)
    {
        var d = ToArray();
        d[axis] = value;
        return Owning(d);
    }

    public bool Equals(Shape? other) => other is not null && _dims.AsSpan().SequenceEqual(other._dims);
    public override bool Equals(object? obj) => Equals(obj as Shape);
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var d in _dims) h.Add(d);
        return h.ToHashCode();
    }

    public static bool operator ==(Shape? a, Shape? b) => a is null ? b is null : a.Equals(b);
    public static bool operator !=(Shape? a, Shape? b) => !(a == b);

    /// <summary>PyTorch-style text, e.g. <c>[64, 7, 7]</c>.</summary>
    public override string ToString() => "[" + string.Join(", ", _dims) + "]";
}

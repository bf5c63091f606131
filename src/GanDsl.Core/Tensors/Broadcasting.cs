namespace GanDsl.Tensors;

/// <summary>NumPy/PyTorch broadcasting: shapes aligned at their trailing dimensions, size-1 dimensions stretched.</summary>
public static class Broadcasting
{
    /// <summary>The broadcast shape of two operands, or an exception naming the op and both shapes.</summary>
    public static Shape ResultShape(string op, Shape a, Shape b)
    {
        if (a == b) return a;
        int rank = Math.Max(a.Rank, b.Rank);
        var dims = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            int da = DimFromEnd(a, rank - 1 - i), db = DimFromEnd(b, rank - 1 - i);
            if (da != db && da != 1 && db != 1)
                throw new ArgumentException($"{op}: shapes {a} and {b} cannot be broadcast together (dimension {i} of the result is {da} in one and {db} in the other).");
            dims[i] = da == 1 ? db : da;
        }
        return new Shape(dims);
    }

    private static int DimFromEnd(Shape s, int fromEnd) => fromEnd < s.Rank ? s[s.Rank - 1 - fromEnd] : 1;

    /// <summary>Element strides of <paramref name="source"/> when read as <paramref name="target"/> (0 along stretched dimensions).</summary>
    public static int[] StridesFor(Shape source, Shape target)
    {
        var strides = new int[target.Rank];
        int offset = target.Rank - source.Rank;
        int stride = 1;
        for (int i = target.Rank - 1; i >= 0; i--)
        {
            int si = i - offset;
            if (si < 0) { strides[i] = 0; continue; }
            strides[i] = source[si] == 1 && target[i] != 1 ? 0 : stride;
            stride *= source[si];
        }
        return strides;
    }

    /// <summary>For each element of <paramref name="target"/> (row-major), the index of the element of <paramref name="source"/> it reads.</summary>
    public static void SourceIndices(Shape source, Shape target, Span<int> indices)
    {
        var strides = StridesFor(source, target);
        int rank = target.Rank;
        Span<int> counter = stackalloc int[Math.Max(rank, 1)];
        counter.Clear();
        int src = 0;
        for (int i = 0; i < indices.Length; i++)
        {
            indices[i] = src;
            for (int d = rank - 1; d >= 0; d--)
            {
                counter[d]++;
                src += strides[d];
                if (counter[d] < target[d]) break;
                src -= strides[d] * counter[d];
                counter[d] = 0;
            }
        }
    }
}

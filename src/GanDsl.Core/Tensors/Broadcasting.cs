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
        return Shape.Owning(dims);
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

    /// <summary>
    /// True when <paramref name="small"/> read as <paramref name="target"/> is one contiguous block repeated: the target is
    /// [outer, mid, inner] and the small operand is [mid], constant along outer and inner (a bias row [C] against [N, C], a channel
    /// vector [1, C, 1, 1] against [N, C, H, W], a column [N, 1] against [N, C]). The hot broadcasts take this path.
    /// </summary>
    public static bool TryBlock(Shape small, Shape target, out int outer, out int mid, out int inner)
    {
        outer = mid = inner = 1;
        int offset = target.Rank - small.Rank;
        if (offset < 0) return false;
        int first = -1, last = -1;
        for (int i = 0; i < small.Rank; i++)
        {
            if (small[i] == 1) continue;
            if (small[i] != target[i + offset]) return false;
            if (first < 0) first = i + offset;
            last = i + offset;
        }
        if (first < 0) return false; // a scalar: handled by the callers' scalar paths
        for (int d = first; d <= last; d++)
            if (small[d - offset] != target[d]) return false;
        for (int d = 0; d < first; d++) outer *= target[d];
        for (int d = first; d <= last; d++) mid *= target[d];
        for (int d = last + 1; d < target.Rank; d++) inner *= target[d];
        return true;
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

namespace GanDsl.Images;

/// <summary>
/// The integer weights that resample one axis from <c>n</c> source pixels to <c>m</c>, for a window of the outputs. Every
/// weight of an axis shares one denominator, so a 2-D resample sums integers and rounds once: results are exact and
/// the same on every machine.
/// <list type="bullet">
/// <item>Shrinking (m ≤ n) averages by area (OpenCV's INTER_AREA): output i covers source interval [i·n/m, (i+1)·n/m) and
/// each source pixel weighs by its overlap with it; a shrink by 2 is the mean of each pair.</item>
/// <item>Enlarging (m &gt; n) is bilinear with pixel centres at half-pixel positions (PyTorch's <c>align_corners=False</c>,
/// PIL's bilinear): output i samples source position (i + 0.5)·n/m − 0.5, clamped to the edge pixels.</item>
/// </list>
/// </summary>
internal sealed class AxisWeights
{
    private AxisWeights(int[] first, int[] start, int[] weights, int denominator)
    {
        First = first;
        Start = start;
        Weights = weights;
        Denominator = denominator;
    }

    /// <summary>Per output: the first source pixel it reads.</summary>
    public int[] First { get; }

    /// <summary>Per output (and one past the last): where its weights begin in <see cref="Weights"/>.</summary>
    public int[] Start { get; }

    /// <summary>The weights of all outputs, one run per output over consecutive source pixels.</summary>
    public int[] Weights { get; }

    /// <summary>What every output's weights add up to.</summary>
    public int Denominator { get; }

    /// <summary>Weights for outputs <paramref name="offset"/> .. offset + count of a resize from n to m pixels.</summary>
    public static AxisWeights For(int n, int m, int offset, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(m, 1);
        var first = new int[count];
        var start = new int[count + 1];
        var weights = new List<int>();
        for (int k = 0; k < count; k++)
        {
            start[k] = weights.Count;
            first[k] = m <= n ? Area(n, m, offset + k, weights) : Bilinear(n, m, offset + k, weights);
        }
        start[count] = weights.Count;
        return new AxisWeights(first, start, weights.ToArray(), m <= n ? n : 2 * m);
    }

    /// <summary>In units of 1/m source pixel, source j spans [j·m, (j+1)·m) and output i spans [i·n, (i+1)·n): overlaps are integers adding up to n.</summary>
    private static int Area(int n, int m, int i, List<int> weights)
    {
        long low = (long)i * n, high = low + n;
        int j = (int)(low / m);
        int first = j;
        for (; (long)j * m < high; j++)
            weights.Add((int)(Math.Min(high, (long)(j + 1) * m) - Math.Max(low, (long)j * m)));
        return first;
    }

    /// <summary>In units of 1/(2m) source pixel the sample position is (2i+1)·n − m; weights add up to 2m.</summary>
    private static int Bilinear(int n, int m, int i, List<int> weights)
    {
        long position = (2L * i + 1) * n - m;
        int twoM = 2 * m;
        if (position <= 0) { weights.Add(twoM); return 0; }
        int left = (int)(position / twoM);
        int fraction = (int)(position % twoM);
        if (left >= n - 1) { weights.Add(twoM); return n - 1; }
        weights.Add(twoM - fraction);
        weights.Add(fraction);
        return left;
    }
}

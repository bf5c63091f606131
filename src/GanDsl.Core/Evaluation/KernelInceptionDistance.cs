using System.Numerics.Tensors;
using GanDsl.Tensors;

namespace GanDsl.Evaluation;

/// <summary>The mean unbiased MMD² over the subsets and its (population) standard deviation across them.</summary>
public readonly record struct KidResult(double Mean, double Std);

/// <summary>
/// Kernel inception distance (Bińkowski et al. 2018): the unbiased estimator of MMD² with the cubic polynomial kernel
/// k(x, y) = (xᵀy / d + 1)³, averaged over random subsets drawn without replacement, as torch-fidelity computes it.
/// </summary>
public static class KernelInceptionDistance
{
    /// <summary>Subset pairs averaged over unless another count is given (torch-fidelity's <c>kid_subsets</c>).</summary>
    public const int DefaultSubsets = 100;
    /// <summary>Rows per subset unless another size is given (torch-fidelity's <c>kid_subset_size</c>); capped by the smaller set.</summary>
    public const int DefaultSubsetSize = 1000;

    /// <summary>
    /// KID between <paramref name="a"/> and <paramref name="b"/> over <paramref name="subsets"/> subset pairs of
    /// min(<paramref name="subsetSize"/>, |a|, |b|) rows each, sampled with a <see cref="Rng"/> seeded by <paramref name="seed"/>.
    /// </summary>
    public static KidResult Compute(FeatureMatrix a, FeatureMatrix b, ulong seed = 0,
        int subsets = DefaultSubsets, int subsetSize = DefaultSubsetSize)
    {
        if (a.Dimension != b.Dimension)
            throw new ArgumentException($"Both feature sets need the same dimension but have {a.Dimension} and {b.Dimension}.", nameof(b));
        if (subsets < 1) throw new ArgumentOutOfRangeException(nameof(subsets), $"KID needs at least one subset but got {subsets}.");
        int m = Math.Min(subsetSize, Math.Min(a.Count, b.Count));
        if (m < 2) throw new ArgumentException($"KID needs at least 2 samples in each set but got {a.Count} and {b.Count}; evaluate more samples.", nameof(a));

        // Draw every subset first, in a fixed order, so the parallel scoring below cannot change the result.
        var rng = new Rng(seed);
        var draws = new (int[] A, int[] B)[subsets];
        for (int s = 0; s < subsets; s++) draws[s] = (Sample(rng, a.Count, m), Sample(rng, b.Count, m));

        var mmd = new double[subsets];
        Parallel.For(0, subsets, s => mmd[s] = UnbiasedMmd2(a.Select(draws[s].A), b.Select(draws[s].B)));

        double mean = mmd.Average();
        double variance = mmd.Sum(x => (x - mean) * (x - mean)) / subsets;
        return new KidResult(mean, Math.Sqrt(variance));
    }

    /// <summary>
    /// Unbiased MMD² of two equally sized sets: [Σ_{i≠j} k(xᵢ,xⱼ) + Σ_{i≠j} k(yᵢ,yⱼ)] / (m(m−1)) − 2 Σ_{i,j} k(xᵢ,yⱼ) / m².
    /// </summary>
    public static double UnbiasedMmd2(FeatureMatrix x, FeatureMatrix y)
    {
        int m = x.Count;
        if (y.Count != m) throw new ArgumentException($"The unbiased MMD² here needs equally sized sets but got {m} and {y.Count}.", nameof(y));
        double withinX = OffDiagonalKernelSum(x), withinY = OffDiagonalKernelSum(y);
        double cross = 0;
        for (int i = 0; i < m; i++)
        {
            var xi = x.Row(i);
            for (int j = 0; j < m; j++) cross += Kernel(xi, y.Row(j), x.Dimension);
        }
        return (withinX + withinY) / ((double)m * (m - 1)) - 2 * cross / ((double)m * m);
    }

    /// <summary>The cubic polynomial kernel (xᵀy / d + 1)³.</summary>
    public static double Kernel(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int dimension)
    {
        double k = TensorPrimitives.Dot(x, y) / dimension + 1;
        return k * k * k;
    }

    private static double OffDiagonalKernelSum(FeatureMatrix x)
    {
        double sum = 0;
        for (int i = 0; i < x.Count; i++)
        {
            var xi = x.Row(i);
            for (int j = i + 1; j < x.Count; j++) sum += Kernel(xi, x.Row(j), x.Dimension);
        }
        return 2 * sum; // the kernel is symmetric: each unordered pair counts twice
    }

    /// <summary><paramref name="count"/> distinct indices below <paramref name="n"/> (partial Fisher–Yates).</summary>
    private static int[] Sample(Rng rng, int n, int count)
    {
        var pool = Enumerable.Range(0, n).ToArray();
        for (int i = 0; i < count; i++)
        {
            int j = i + rng.NextInt(n - i);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return pool[..count];
    }
}

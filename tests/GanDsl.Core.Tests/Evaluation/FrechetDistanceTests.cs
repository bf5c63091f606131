using CsCheck;
using GanDsl.Evaluation;
using GanDsl.Tensors;
using GanDsl.Tests;

namespace GanDsl.Core.Tests.Evaluation;

public class FrechetDistanceTests
{
    [Fact]
    public void Diagonal_gaussians_match_the_closed_form() =>
        Gen.Select(Sized.Int, Gen.Byte).ForAll((seed, size) =>
    {
        var rng = new Rng((ulong)seed);
        int d = 1 + size % 12;
        var m1 = Enumerable.Range(0, d).Select(_ => 4 * rng.NextDouble() - 2).ToArray();
        var m2 = Enumerable.Range(0, d).Select(_ => 4 * rng.NextDouble() - 2).ToArray();
        var v1 = Enumerable.Range(0, d).Select(_ => 0.1 + 3 * rng.NextDouble()).ToArray();
        var v2 = Enumerable.Range(0, d).Select(_ => 0.1 + 3 * rng.NextDouble()).ToArray();
        // For diagonal covariances d² = Σ (μ₁ − μ₂)² + (σ₁ − σ₂)².
        double expected = Enumerable.Range(0, d).Sum(i => Math.Pow(m1[i] - m2[i], 2) + Math.Pow(Math.Sqrt(v1[i]) - Math.Sqrt(v2[i]), 2));
        double actual = FrechetDistance.Compute(new GaussianStatistics(m1, Diagonal(v1)), new GaussianStatistics(m2, Diagonal(v2)));
        Assert.True(Math.Abs(actual - expected) <= 1e-10 * Math.Max(1, expected), $"{actual} vs closed form {expected}");
    }, iter: 40);

    [Fact]
    public void Commuting_covariances_match_the_closed_form()
    {
        // Σ₁ = Q diag(a) Qᵀ and Σ₂ = Q diag(b) Qᵀ share eigenvectors, so Tr√(Σ₁Σ₂) = Σ √(aᵢbᵢ).
        var rng = new Rng(3);
        var q = SymmetricEigen.Decompose(Synthetic.RandomSymmetric(rng, 6)).Vectors;
        double[] a = [0.5, 1, 2, 3, 4, 9], b = [4, 0.25, 1, 3, 0.01, 1];
        var mean1 = new double[6];
        var mean2 = new double[] { 1, 0, 0, 0, 0, -2 };
        double expected = 5 + a.Sum() + b.Sum() - 2 * a.Zip(b, (x, y) => Math.Sqrt(x * y)).Sum();
        double actual = FrechetDistance.Compute(new GaussianStatistics(mean1, Rotate(q, a)), new GaussianStatistics(mean2, Rotate(q, b)));
        Assert.Equal(expected, actual, 10);
    }

    [Theory]
    [InlineData(3, 5)]
    [InlineData(17, 24)]
    [InlineData(29, 64)]
    public void Non_commuting_covariances_match_numpy_in_float64(ulong seed, int d)
    {
        var rng = new Rng(seed);
        var s1 = Synthetic.RandomSpd(rng, d);
        var s2 = Synthetic.RandomSpd(rng, d);
        var m1 = Enumerable.Range(0, d).Select(_ => (double)rng.NextNormal()).ToArray();
        var m2 = Enumerable.Range(0, d).Select(_ => (double)rng.NextNormal()).ToArray();
        double expected = NumpyReference.FrechetDistance(m1, s1, m2, s2);
        double actual = FrechetDistance.Compute(new GaussianStatistics(m1, s1), new GaussianStatistics(m2, s2));
        Assert.True(Math.Abs(actual - expected) <= 1e-9 * Math.Max(1, expected), $"GanDsl {actual:R} vs numpy {expected:R}");
    }

    [Fact]
    public void Identical_feature_sets_are_at_distance_zero_and_shifted_ones_at_the_shift()
    {
        var features = Synthetic.Gaussian(new Rng(5), 500, new double[16], Enumerable.Repeat(1.0, 16).ToArray());
        Assert.True(FrechetDistance.Compute(features, features) < 1e-9);
        var shifted = new FeatureMatrix(features.Count, features.Dimension, features.Data.Select(x => x + 0.5).ToArray());
        Assert.Equal(16 * 0.25, FrechetDistance.Compute(features, shifted), 8); // same covariance: only ‖Δμ‖² remains
    }

    [Fact]
    public void Samples_of_two_gaussians_approach_the_closed_form_and_the_measure_is_symmetric()
    {
        var rng = new Rng(9);
        double[] std1 = [1, 2, 0.5], std2 = [1.5, 1, 0.5];
        var a = Synthetic.Gaussian(rng, 20000, [0, 0, 0], std1);
        var b = Synthetic.Gaussian(rng, 20000, [1, 0, -1], std2);
        double closed = 2 + 0.25 + 1;
        Assert.Equal(closed, FrechetDistance.Compute(a, b), 1);
        Assert.Equal(FrechetDistance.Compute(a, b), FrechetDistance.Compute(b, a), 9);
    }

    [Fact]
    public void Mismatched_dimensions_are_refused_with_a_message()
    {
        var rng = new Rng(1);
        var a = Synthetic.Gaussian(rng, 10, [0, 0], [1, 1]);
        var b = Synthetic.Gaussian(rng, 10, [0, 0, 0], [1, 1, 1]);
        var e = Assert.Throws<ArgumentException>(() => FrechetDistance.Compute(a, b));
        Assert.Contains("same dimension", e.Message);
    }

    private static double[,] Diagonal(double[] values)
    {
        var m = new double[values.Length, values.Length];
        for (int i = 0; i < values.Length; i++) m[i, i] = values[i];
        return m;
    }

    private static double[,] Rotate(double[,] q, double[] spectrum)
    {
        int n = spectrum.Length;
        var m = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                for (int k = 0; k < n; k++) m[i, j] += q[i, k] * spectrum[k] * q[j, k];
        return m;
    }
}

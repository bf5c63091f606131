using CsCheck;
using GanDsl.Evaluation;
using GanDsl.Tensors;
using GanDsl.Tests;

namespace GanDsl.Core.Tests.Evaluation;

public class SymmetricEigenTests
{
    [Fact]
    public void Random_symmetric_matrices_are_reconstructed_by_orthonormal_eigenvectors() =>
        Gen.Select(Sized.Int, Gen.Byte, Gen.Byte).ForAll((seed, size, magnitude) =>
    {
        int n = 1 + size % 16;
        double scale = Math.Pow(10, magnitude % 7 - 3); // 1e-3 … 1e3: the tolerance must be relative
        var a = Synthetic.RandomSymmetric(new Rng((ulong)seed), n, scale);
        var (values, v) = SymmetricEigen.Decompose(a);
        AssertDecomposition(a, values, v, 1e-12);
    }, iter: 60);

    [Fact]
    public void A_128_by_128_covariance_decomposes_to_machine_precision()
    {
        var a = Synthetic.RandomSpd(new Rng(11), 128);
        var (values, v) = SymmetricEigen.Decompose(a);
        AssertDecomposition(a, values, v, 1e-11);
        Assert.All(values, lambda => Assert.True(lambda > 0, $"an SPD matrix has positive eigenvalues but got {lambda}"));
    }

    [Fact]
    public void Known_spectra_come_out_ascending()
    {
        Assert.Equal([1.0, 3.0], SymmetricEigen.Decompose(new double[,] { { 2, 1 }, { 1, 2 } }).Values, Tolerance(1e-14));
        Assert.Equal([-2.0, 0.0, 5.0], SymmetricEigen.Decompose(new double[,] { { 5, 0, 0 }, { 0, -2, 0 }, { 0, 0, 0 } }).Values, Tolerance(0));
        // Repeated eigenvalues: 2I + 1·1ᵀ on 3x3 has spectrum {2, 2, 5}.
        Assert.Equal([2.0, 2.0, 5.0], SymmetricEigen.Decompose(new double[,] { { 3, 1, 1 }, { 1, 3, 1 }, { 1, 1, 3 } }).Values, Tolerance(1e-14));
    }

    [Fact]
    public void A_non_square_matrix_is_refused_with_a_message()
    {
        var e = Assert.Throws<ArgumentException>(() => SymmetricEigen.Decompose(new double[2, 3]));
        Assert.Contains("square", e.Message);
    }

    private static IEqualityComparer<double> Tolerance(double eps) =>
        EqualityComparer<double>.Create((x, y) => Math.Abs(x - y) <= eps, x => 0);

    private static void AssertDecomposition(double[,] a, double[] values, double[,] v, double relativeTolerance)
    {
        int n = values.Length;
        double norm = Math.Sqrt(a.Cast<double>().Sum(x => x * x));
        for (int k = 1; k < n; k++) Assert.True(values[k - 1] <= values[k], "eigenvalues must be ascending");
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double reconstructed = 0, gram = 0;
                for (int k = 0; k < n; k++)
                {
                    reconstructed += v[i, k] * values[k] * v[j, k];
                    gram += v[k, i] * v[k, j];
                }
                Assert.True(Math.Abs(reconstructed - a[i, j]) <= relativeTolerance * Math.Max(norm, 1e-300) * n,
                    $"VΛVᵀ[{i},{j}] = {reconstructed} but A[{i},{j}] = {a[i, j]}");
                Assert.True(Math.Abs(gram - (i == j ? 1 : 0)) <= 1e-12 * n, $"VᵀV[{i},{j}] = {gram}, not the identity");
            }
    }
}

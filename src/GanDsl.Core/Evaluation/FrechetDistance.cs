namespace GanDsl.Evaluation;

/// <summary>
/// The Fréchet distance between two Gaussians, d² = ‖μ₁ − μ₂‖² + Tr(Σ₁) + Tr(Σ₂) − 2 Tr√(Σ₁^½ Σ₂ Σ₁^½), in float64.
/// Tr√(Σ₁Σ₂) is taken from the symmetric product Σ₁^½ Σ₂ Σ₁^½ (same eigenvalues as Σ₁Σ₂), so only symmetric
/// eigendecompositions are needed and no complex square root appears, unlike scipy.linalg.sqrtm.
/// </summary>
public static class FrechetDistance
{
    /// <summary>The Fréchet distance (d², as FID reports it) between Gaussians fitted to two feature sets.</summary>
    /// <exception cref="ArgumentException">The sets differ in dimension, or one has fewer than 2 rows.</exception>
    public static double Compute(FeatureMatrix a, FeatureMatrix b)
    {
        if (a.Dimension != b.Dimension)
            throw new ArgumentException($"Both feature sets need the same dimension but have {a.Dimension} and {b.Dimension}.", nameof(b));
        return Compute(GaussianStatistics.Of(a), GaussianStatistics.Of(b));
    }

    /// <summary>The Fréchet distance d² between two Gaussians given by their statistics (e.g. precomputed for the real data).</summary>
    /// <exception cref="ArgumentException">The two have different dimensions.</exception>
    public static double Compute(GaussianStatistics a, GaussianStatistics b)
    {
        int d = a.Dimension;
        if (b.Dimension != d)
            throw new ArgumentException($"Both Gaussians need the same dimension but have {d} and {b.Dimension}.", nameof(b));
        double meanTerm = 0, traceTerm = 0;
        for (int i = 0; i < d; i++)
        {
            double diff = a.Mean[i] - b.Mean[i];
            meanTerm += diff * diff;
            traceTerm += a.Covariance[i, i] + b.Covariance[i, i];
        }
        double distance = meanTerm + traceTerm - 2 * TraceSqrtProduct(a.Covariance, b.Covariance);
        // Rounding can push a zero distance slightly negative; a distance is never below zero.
        return Math.Max(distance, 0);
    }

    /// <summary>Tr√(Σ₁^½ Σ₂ Σ₁^½) for symmetric positive semi-definite Σ₁, Σ₂.</summary>
    public static double TraceSqrtProduct(double[,] sigma1, double[,] sigma2)
    {
        var root = SquareRoot(sigma1);
        var product = Multiply(Multiply(root, sigma2), root);
        double trace = 0;
        foreach (double lambda in SymmetricEigen.Decompose(product).Values)
            trace += Math.Sqrt(Math.Max(lambda, 0)); // tiny negative eigenvalues are rounding noise of a PSD matrix
        return trace;
    }

    /// <summary>The symmetric PSD square root V diag(√max(λ, 0)) Vᵀ.</summary>
    public static double[,] SquareRoot(double[,] symmetric)
    {
        var (values, vectors) = SymmetricEigen.Decompose(symmetric);
        int n = values.Length;
        var root = new double[n, n];
        for (int k = 0; k < n; k++)
        {
            double s = Math.Sqrt(Math.Max(values[k], 0));
            if (s == 0) continue;
            for (int i = 0; i < n; i++)
            {
                double vik = vectors[i, k] * s;
                for (int j = 0; j < n; j++) root[i, j] += vik * vectors[j, k];
            }
        }
        return root;
    }

    private static double[,] Multiply(double[,] x, double[,] y)
    {
        int n = x.GetLength(0), m = y.GetLength(1), inner = x.GetLength(1);
        var result = new double[n, m];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < inner; k++)
            {
                double xik = x[i, k];
                if (xik == 0) continue;
                for (int j = 0; j < m; j++) result[i, j] += xik * y[k, j];
            }
        return result;
    }
}

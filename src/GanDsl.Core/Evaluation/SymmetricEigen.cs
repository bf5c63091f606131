namespace GanDsl.Evaluation;

/// <summary>Eigenvalues (ascending) and the matching orthonormal eigenvectors, one per column of <see cref="Vectors"/>.</summary>
public sealed record EigenDecomposition(double[] Values, double[,] Vectors);

/// <summary>
/// Cyclic Jacobi eigensolver for real symmetric matrices. Slower than Householder + QL but simple, unconditionally
/// stable and accurate to machine precision in every eigenvalue, which is what the Fréchet distance needs at sizes ≤ ~256.
/// </summary>
public static class SymmetricEigen
{
    private const int MaxSweeps = 100;

    /// <summary>Decomposes <paramref name="matrix"/> (only its symmetric part is used) as A = V diag(λ) Vᵀ.</summary>
    public static EigenDecomposition Decompose(double[,] matrix)
    {
        int n = matrix.GetLength(0);
        if (matrix.GetLength(1) != n)
            throw new ArgumentException($"SymmetricEigen needs a square matrix but got {n}x{matrix.GetLength(1)}; pass an n x n covariance.", nameof(matrix));
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                a[i, j] = 0.5 * (matrix[i, j] + matrix[j, i]);
        var v = new double[n, n];
        for (int i = 0; i < n; i++) v[i, i] = 1;

        double total = FrobeniusSquared(a);
        for (int sweep = 0; sweep < MaxSweeps; sweep++)
        {
            double off = OffDiagonalSquared(a);
            // Converged when the off-diagonal mass is negligible against the matrix (or exactly zero).
            if (off <= 1e-30 * total || off == 0) break;
            for (int p = 0; p < n - 1; p++)
                for (int q = p + 1; q < n; q++)
                    Rotate(a, v, p, q);
        }

        var values = new double[n];
        for (int i = 0; i < n; i++) values[i] = a[i, i];
        return Sorted(values, v);
    }

    /// <summary>Zeroes a[p,q] by the rotation J with J_pp = J_qq = c, J_pq = s, J_qp = −s: A ← JᵀAJ, V ← VJ.</summary>
    private static void Rotate(double[,] a, double[,] v, int p, int q)
    {
        double apq = a[p, q];
        if (apq == 0) return;
        double theta = (a[q, q] - a[p, p]) / (2 * apq);
        // The smaller root of t² + 2θt − 1 = 0 keeps the rotation angle ≤ π/4, which is what makes Jacobi stable.
        double t = (theta >= 0 ? 1 : -1) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
        double c = 1 / Math.Sqrt(t * t + 1), s = t * c;
        int n = a.GetLength(0);
        for (int k = 0; k < n; k++)
        {
            double akp = a[k, p], akq = a[k, q];
            a[k, p] = c * akp - s * akq;
            a[k, q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; k++)
        {
            double apk = a[p, k], aqk = a[q, k];
            a[p, k] = c * apk - s * aqk;
            a[q, k] = s * apk + c * aqk;
        }
        a[p, q] = a[q, p] = 0;
        for (int k = 0; k < n; k++)
        {
            double vkp = v[k, p], vkq = v[k, q];
            v[k, p] = c * vkp - s * vkq;
            v[k, q] = s * vkp + c * vkq;
        }
    }

    private static EigenDecomposition Sorted(double[] values, double[,] v)
    {
        int n = values.Length;
        var order = Enumerable.Range(0, n).OrderBy(i => values[i]).ToArray();
        var sortedValues = new double[n];
        var sortedVectors = new double[n, n];
        for (int j = 0; j < n; j++)
        {
            sortedValues[j] = values[order[j]];
            for (int i = 0; i < n; i++) sortedVectors[i, j] = v[i, order[j]];
        }
        return new EigenDecomposition(sortedValues, sortedVectors);
    }

    private static double FrobeniusSquared(double[,] a)
    {
        double sum = 0;
        foreach (double x in a) sum += x * x;
        return sum;
    }

    private static double OffDiagonalSquared(double[,] a)
    {
        int n = a.GetLength(0);
        double sum = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (i != j) sum += a[i, j] * a[i, j];
        return sum;
    }
}

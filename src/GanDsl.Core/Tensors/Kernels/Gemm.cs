namespace GanDsl.Tensors.Kernels;

/// <summary>
/// Single-precision matrix multiply on row-major buffers: C = op(A)·op(B) (+ C when accumulating).
/// op(A) is m×k (A stored k×m when <c>transA</c>), op(B) is k×n (B stored n×k when <c>transB</c>).
/// </summary>
public static class Gemm
{
    public static void Multiply(bool transA, bool transB, int m, int n, int k,
        ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, bool accumulate = false)
    {
        if (!accumulate) c[..(m * n)].Clear();
        for (int i = 0; i < m; i++)
        {
            var row = c.Slice(i * n, n);
            for (int p = 0; p < k; p++)
            {
                float av = transA ? a[p * m + i] : a[i * k + p];
                if (!transB)
                {
                    var brow = b.Slice(p * n, n);
                    for (int j = 0; j < n; j++) row[j] += av * brow[j];
                }
                else
                {
                    for (int j = 0; j < n; j++) row[j] += av * b[j * k + p];
                }
            }
        }
    }
}

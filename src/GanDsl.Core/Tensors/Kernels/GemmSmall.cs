using System.Numerics.Tensors;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// Direct loops for tiny multiplies and matrix-vector shapes: no packing, no threads. Contiguous
/// dot products or row updates go through <see cref="TensorPrimitives"/> (SIMD at the CPU's width);
/// the one layout with no contiguous direction (both operands transposed) stays scalar.
/// Single-threaded, so the result does not depend on the thread count either.
/// </summary>
internal static unsafe class GemmSmall
{
    public static void Run(bool transA, bool transB, int m, int n, int k, float alpha,
        float* a, nint lda, float* b, nint ldb, float* c, nint ldc, bool accumulate)
    {
        if (!transA && transB)
        {
            // Rows of A and rows of B are both contiguous in k: one dot product per element.
            for (int i = 0; i < m; i++)
            {
                var ai = new ReadOnlySpan<float>(a + i * lda, k);
                float* ci = c + i * ldc;
                for (int j = 0; j < n; j++)
                {
                    float sum = TensorPrimitives.Dot(ai, new ReadOnlySpan<float>(b + j * ldb, k));
                    ci[j] = accumulate ? ci[j] + sum * alpha : sum * alpha;
                }
            }
        }
        else if (!transB)
        {
            // Rows of B are contiguous in n: C row i += (alpha·a_ip)·B row p.
            nint aRow = transA ? 1 : lda, aStep = transA ? lda : 1;
            for (int i = 0; i < m; i++)
            {
                var ci = new Span<float>(c + i * ldc, n);
                float* ai = a + i * aRow;
                int p = 0;
                if (!accumulate) // the first product overwrites: no separate pass to clear C
                    TensorPrimitives.Multiply(new ReadOnlySpan<float>(b, n), alpha * ai[p++], ci);
                for (; p < k; p++)
                    TensorPrimitives.MultiplyAdd(new ReadOnlySpan<float>(b + p * ldb, n), alpha * ai[p * aStep], ci, ci);
            }
        }
        else
        {
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    float sum = 0f;
                    for (int p = 0; p < k; p++) sum += a[p * lda + i] * b[j * ldb + p];
                    float* cij = c + i * ldc + j;
                    *cij = accumulate ? *cij + sum * alpha : sum * alpha;
                }
            }
        }
    }
}

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// Direct loops for tiny multiplies (and vector-like ones such as a 1-wide output): no packing, no threads.
/// Each element sums its k products in order, then applies alpha and the accumulate rule once.
/// </summary>
internal static unsafe class GemmSmall
{
    public static void Run(bool transA, bool transB, int m, int n, int k, float alpha,
        float* a, nint lda, float* b, nint ldb, float* c, nint ldc, bool accumulate)
    {
        nint aRow = transA ? 1 : lda, aStep = transA ? lda : 1;
        nint bCol = transB ? ldb : 1, bStep = transB ? 1 : ldb;
        for (int i = 0; i < m; i++)
        {
            float* ai = a + i * aRow;
            for (int j = 0; j < n; j++)
            {
                float* bj = b + j * bCol;
                float sum = 0f;
                for (int p = 0; p < k; p++) sum += ai[p * aStep] * bj[p * bStep];
                float* cij = c + i * ldc + j;
                *cij = accumulate ? *cij + sum * alpha : sum * alpha;
            }
        }
    }
}

using System.Runtime.CompilerServices;

namespace GanDsl.Tensors.Kernels;

/// <summary>Portable fallback micro-kernel: 4 rows × 4 columns in scalar registers, no SIMD, no FMA.</summary>
internal readonly unsafe struct KernelScalar4x4 : IMicroKernel
{
    public static int MR => 4;
    public static int NR => 4;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, float* a, nint aRow, nint aStep, float* b, float* c, nint ldc, float alpha, bool add)
    {
        float c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        float c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (int p = 0; p < kc; p++)
        {
            float b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3];
            float a0 = a[0], a1 = a[aRow], a2 = a[2 * aRow], a3 = a[3 * aRow];
            c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
            c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
            c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
            c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
            a += aStep;
            b += 4;
        }

        StoreRow(c, c00, c01, c02, c03, alpha, add);
        StoreRow(c + ldc, c10, c11, c12, c13, alpha, add);
        StoreRow(c + 2 * ldc, c20, c21, c22, c23, alpha, add);
        StoreRow(c + 3 * ldc, c30, c31, c32, c33, alpha, add);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow(float* c, float x0, float x1, float x2, float x3, float alpha, bool add)
    {
        if (add)
        {
            c[0] += x0 * alpha; c[1] += x1 * alpha; c[2] += x2 * alpha; c[3] += x3 * alpha;
        }
        else
        {
            c[0] = x0 * alpha; c[1] = x1 * alpha; c[2] = x2 * alpha; c[3] = x3 * alpha;
        }
    }
}

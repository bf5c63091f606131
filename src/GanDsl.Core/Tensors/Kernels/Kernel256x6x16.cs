using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GanDsl.Tensors.Kernels;

/// <summary>AVX2 micro-kernel: 6 rows × 16 columns in 12 ymm accumulators (of 16 registers).</summary>
internal readonly unsafe struct Kernel256x6x16 : IMicroKernel
{
    public static int MR => 6;
    public static int NR => 16;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, float* a, nint aRow, nint aStep, float* b, float* c, nint ldc, float alpha, bool add)
    {
        // Accumulators are plain locals so the JIT keeps all of them in registers; rows 3 to 5 of A are read from a second
        // base, so every row is a base plus 0, 1 or 2 row strides.
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default, c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        float* r3 = a + 3 * aRow;
        nint twoRows = 2 * aRow;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b + 0);
            var b1 = Vector256.Load(b + 8);
            var a0 = Vector256.Create(a[0]);
            c00 = Vector256.FusedMultiplyAdd(a0, b0, c00);
            c01 = Vector256.FusedMultiplyAdd(a0, b1, c01);
            var a1 = Vector256.Create(a[aRow]);
            c10 = Vector256.FusedMultiplyAdd(a1, b0, c10);
            c11 = Vector256.FusedMultiplyAdd(a1, b1, c11);
            var a2 = Vector256.Create(a[twoRows]);
            c20 = Vector256.FusedMultiplyAdd(a2, b0, c20);
            c21 = Vector256.FusedMultiplyAdd(a2, b1, c21);
            var a3 = Vector256.Create(r3[0]);
            c30 = Vector256.FusedMultiplyAdd(a3, b0, c30);
            c31 = Vector256.FusedMultiplyAdd(a3, b1, c31);
            var a4 = Vector256.Create(r3[aRow]);
            c40 = Vector256.FusedMultiplyAdd(a4, b0, c40);
            c41 = Vector256.FusedMultiplyAdd(a4, b1, c41);
            var a5 = Vector256.Create(r3[twoRows]);
            c50 = Vector256.FusedMultiplyAdd(a5, b0, c50);
            c51 = Vector256.FusedMultiplyAdd(a5, b1, c51);
            a += aStep;
            r3 += aStep;
            b += 16;
        }

        var va = Vector256.Create(alpha);
        Store(c + 0 * ldc + 0, c00, va, add);
        Store(c + 0 * ldc + 8, c01, va, add);
        Store(c + 1 * ldc + 0, c10, va, add);
        Store(c + 1 * ldc + 8, c11, va, add);
        Store(c + 2 * ldc + 0, c20, va, add);
        Store(c + 2 * ldc + 8, c21, va, add);
        Store(c + 3 * ldc + 0, c30, va, add);
        Store(c + 3 * ldc + 8, c31, va, add);
        Store(c + 4 * ldc + 0, c40, va, add);
        Store(c + 4 * ldc + 8, c41, va, add);
        Store(c + 5 * ldc + 0, c50, va, add);
        Store(c + 5 * ldc + 8, c51, va, add);
    }

    // C = acc·alpha, or fma(acc, alpha, C) when adding: one rounding either way, the same in every tile.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* c, Vector256<float> acc, Vector256<float> alpha, bool add) =>
        Vector256.Store(add ? Vector256.FusedMultiplyAdd(acc, alpha, Vector256.Load(c)) : acc * alpha, c);
}

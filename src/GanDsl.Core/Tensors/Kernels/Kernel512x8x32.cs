using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GanDsl.Tensors.Kernels;

/// <summary>AVX-512 micro-kernel: 8 rows × 32 columns in 16 zmm accumulators (of 32 registers).</summary>
internal readonly unsafe struct Kernel512x8x32 : IMicroKernel
{
    public static int MR => 8;
    public static int NR => 32;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, float* a, nint aRow, nint aStep, float* b, float* c, nint ldc, float alpha, bool add)
    {
        // Accumulators are plain locals so the JIT keeps all of them in registers; rows 4 to 7 of A are read from a second
        // base, so every row is a base plus 0, 1, 2 or 3 row strides.
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default, c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default, c60 = default, c61 = default, c70 = default, c71 = default;
        float* r4 = a + 4 * aRow;
        nint twoRows = 2 * aRow, threeRows = 3 * aRow;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b + 0);
            var b1 = Vector512.Load(b + 16);
            var a0 = Vector512.Create(a[0]);
            c00 = Vector512.FusedMultiplyAdd(a0, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(a0, b1, c01);
            var a1 = Vector512.Create(a[aRow]);
            c10 = Vector512.FusedMultiplyAdd(a1, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(a1, b1, c11);
            var a2 = Vector512.Create(a[twoRows]);
            c20 = Vector512.FusedMultiplyAdd(a2, b0, c20);
            c21 = Vector512.FusedMultiplyAdd(a2, b1, c21);
            var a3 = Vector512.Create(a[threeRows]);
            c30 = Vector512.FusedMultiplyAdd(a3, b0, c30);
            c31 = Vector512.FusedMultiplyAdd(a3, b1, c31);
            var a4 = Vector512.Create(r4[0]);
            c40 = Vector512.FusedMultiplyAdd(a4, b0, c40);
            c41 = Vector512.FusedMultiplyAdd(a4, b1, c41);
            var a5 = Vector512.Create(r4[aRow]);
            c50 = Vector512.FusedMultiplyAdd(a5, b0, c50);
            c51 = Vector512.FusedMultiplyAdd(a5, b1, c51);
            var a6 = Vector512.Create(r4[twoRows]);
            c60 = Vector512.FusedMultiplyAdd(a6, b0, c60);
            c61 = Vector512.FusedMultiplyAdd(a6, b1, c61);
            var a7 = Vector512.Create(r4[threeRows]);
            c70 = Vector512.FusedMultiplyAdd(a7, b0, c70);
            c71 = Vector512.FusedMultiplyAdd(a7, b1, c71);
            a += aStep;
            r4 += aStep;
            b += 32;
        }

        var va = Vector512.Create(alpha);
        Store(c + 0 * ldc + 0, c00, va, add);
        Store(c + 0 * ldc + 16, c01, va, add);
        Store(c + 1 * ldc + 0, c10, va, add);
        Store(c + 1 * ldc + 16, c11, va, add);
        Store(c + 2 * ldc + 0, c20, va, add);
        Store(c + 2 * ldc + 16, c21, va, add);
        Store(c + 3 * ldc + 0, c30, va, add);
        Store(c + 3 * ldc + 16, c31, va, add);
        Store(c + 4 * ldc + 0, c40, va, add);
        Store(c + 4 * ldc + 16, c41, va, add);
        Store(c + 5 * ldc + 0, c50, va, add);
        Store(c + 5 * ldc + 16, c51, va, add);
        Store(c + 6 * ldc + 0, c60, va, add);
        Store(c + 6 * ldc + 16, c61, va, add);
        Store(c + 7 * ldc + 0, c70, va, add);
        Store(c + 7 * ldc + 16, c71, va, add);
    }

    // C = acc·alpha, or fma(acc, alpha, C) when adding: one rounding either way, the same in every tile.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* c, Vector512<float> acc, Vector512<float> alpha, bool add) =>
        Vector512.Store(add ? Vector512.FusedMultiplyAdd(acc, alpha, Vector512.Load(c)) : acc * alpha, c);
}

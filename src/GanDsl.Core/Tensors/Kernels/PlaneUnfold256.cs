using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// <see cref="PlaneUnfold.Unfold"/> for CPUs with AVX2 but not AVX-512, any stride: 8 output columns at a time, one
/// masked gather per row (lanes in the padding are not loaded and read as zero). The gather's indices and mask depend
/// only on the columns, so they are built once for all rows and images. Values are only copied: the same bits.
/// </summary>
internal static unsafe class PlaneUnfold256
{
    public static bool IsSupported => Avx2.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Unfold(in ConvGeometry g, in PatchWindow w, float* planes, long planeStride, float* dst, int images)
    {
        int wo = g.OutWidth, ho = g.OutHeight, s = g.Stride, width = g.Width, plane = g.OutPlane;
        var lanes = Vector256<int>.Indices;
        var steps = lanes * s;
        long wholeUpTo = (long)images * plane - 8; // as in PlaneUnfold512
        for (int ox = (wo - 1) / 8 * 8; ox >= 0; ox -= 8)
        {
            int ix = w.IxAtZero + ox * s, count = Math.Min(8, wo - ox); // input column of lane 0, lanes stored
            var inside = Vector256.LessThan((steps + Vector256.Create(ix)).AsUInt32(), Vector256.Create((uint)width)).AsSingle();
            long at = ox;
            for (int i = 0; i < images; i++)
            {
                int oy = 0;
                for (; oy < w.Oy0; oy++, at += wo) Store(dst, at, wholeUpTo, count, Vector256<float>.Zero);
                float* from = planes + i * planeStride + (w.Oy0 * s + w.IyAtZero) * width + ix;
                for (; oy < w.Oy1; oy++, at += wo, from += s * width)
                    Store(dst, at, wholeUpTo, count, Avx2.GatherMaskVector256(Vector256<float>.Zero, from, steps, inside, 4));
                for (; oy < ho; oy++, at += wo) Store(dst, at, wholeUpTo, count, Vector256<float>.Zero);
            }
        }
    }

    // The last row's lanes one by one: a masked AVX store is slow on some CPUs, and this runs only at the end.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* dst, long at, long wholeUpTo, int count, Vector256<float> v)
    {
        if (at <= wholeUpTo) v.Store(dst + at);
        else for (int j = 0; j < count; j++) dst[at + j] = v.GetElement(j);
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// <see cref="PlaneUnfold.Unfold"/> for strides 1 and 2 with AVX-512, 16 output columns at a time: lanes whose input
/// column lies in the padding are masked off in the load (read as zero; masked-off lanes never fault, so a load may
/// start before the row), and stride 2 is two loads and one even-lane permute. The masks depend only on the columns,
/// so they are built once for all rows and images. Stride 2 onto rows of at most 8 puts two output rows in each vector.
/// Values are only copied: the same bits as the scalar loop.
/// </summary>
internal static unsafe class PlaneUnfold512
{
    public static bool IsSupported => Avx512F.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Unfold(in ConvGeometry g, in PatchWindow w, float* planes, long planeStride, float* dst, int images)
    {
        if (PairsApply(g))
        {
            UnfoldRowPairs(g, new ReadOnlySpan<PatchWindow>(in w), planes, planeStride, dst, 0, images);
            return;
        }
        int wo = g.OutWidth, ho = g.OutHeight, s = g.Stride, width = g.Width, plane = g.OutPlane;
        var lanes = Vector512<int>.Indices;
        // Whole 16-lane stores up to 16 before the end: the lanes past a short row's end spill into the next row or plane,
        // which is written after it (rows go up, chunks of a long row go from the last to the first); only the end is masked.
        long wholeUpTo = (long)images * plane - 16;
        for (int ox = (wo - 1) / 16 * 16; ox >= 0; ox -= 16)
        {
            var tail = Vector512.LessThan(lanes, Vector512.Create(wo - ox)).AsSingle();
            int ix = w.IxAtZero + ox * s; // input column of lane 0
            var inLow = Inside(lanes + Vector512.Create(ix), width);
            var inHigh = Inside(lanes + Vector512.Create(ix + 16), width);
            long at = ox;
            for (int i = 0; i < images; i++)
            {
                int oy = 0;
                for (; oy < w.Oy0; oy++, at += wo) Store(dst, at, wholeUpTo, tail, Vector512<float>.Zero);
                float* from = planes + i * planeStride + (w.Oy0 * s + w.IyAtZero) * width + ix;
                for (; oy < w.Oy1; oy++, at += wo, from += s * width)
                {
                    var low = Avx512F.MaskLoad(from, inLow, Vector512<float>.Zero);
                    var v = s == 1 ? low : Avx512F.PermuteVar16x32x2(low, EvenLanes, Avx512F.MaskLoad(from + 16, inHigh, Vector512<float>.Zero));
                    Store(dst, at, wholeUpTo, tail, v);
                }
                for (; oy < ho; oy++, at += wo) Store(dst, at, wholeUpTo, tail, Vector512<float>.Zero);
            }
        }
    }

    // Stride 2 onto rows of at most 8 (a 14×14 plane to 7×7, 7×7 to 4×4): one row per vector would leave most lanes idle.
    public static bool PairsApply(in ConvGeometry g) => g.Stride == 2 && g.OutWidth <= 8 && g.Width <= 16;

    // Two output rows per vector: rows oy and oy + 1 read input rows iy and iy + 2, each loaded whole (masked to the row, so
    // no load leaves it) and their even or odd columns picked by one two-source permute; lanes whose column lies in the
    // padding are zeroed by a select after the permute. The pairs of an image are stored in order, each store's lanes past the
    // pair spilling into the next pair or image (written after it); only stores near the end are masked. The offsets of one
    // kernel row (the same ky, so the same input rows) share each pair's two loads: offset t of windows goes to
    // dst + t·dstStride.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void UnfoldRowPairs(in ConvGeometry g, ReadOnlySpan<PatchWindow> windows, float* planes, long planeStride,
        float* dst, long dstStride, int images)
    {
        int wo = g.OutWidth, ho = g.OutHeight, width = g.Width, plane = g.OutPlane, taps = windows.Length;
        var lanes = Vector512<int>.Indices;
        // Lane l < wo takes column 2l + ix0 of the first row, lane wo + l the same column of the second (index + 16).
        var second = Vector512.GreaterThanOrEqual(lanes, Vector512.Create(wo));
        var ox = lanes - (Vector512.Create(wo) & second);
        var bothRows = Vector512.LessThan(lanes, Vector512.Create(2 * wo)).AsSingle();
        var onlyFirst = Vector512.LessThan(lanes, Vector512.Create(wo)).AsSingle();
        var rowMask = Vector512.LessThan(lanes, Vector512.Create(width)).AsSingle();
        var index = stackalloc Vector512<int>[taps];
        var keep = stackalloc Vector512<float>[taps];
        for (int t = 0; t < taps; t++)
        {
            var column = ox * 2 + Vector512.Create(windows[t].IxAtZero);
            index[t] = column + (Vector512.Create(16) & second);
            keep[t] = Vector512.LessThan(column.AsUInt32(), Vector512.Create((uint)width)).AsSingle() & bothRows;
        }
        int iyAtZero = windows[0].IyAtZero; // one kernel row: the same for every offset
        long wholeUpTo = (long)images * plane - 16;
        for (int i = 0; i < images; i++)
        {
            float* from = planes + i * planeStride;
            long at = (long)i * plane;
            for (int oy = 0; oy < ho; oy += 2, at += 2 * wo)
            {
                int iy = oy * 2 + iyAtZero;
                var low = (uint)iy < (uint)g.Height ? Avx512F.MaskLoad(from + (long)iy * width, rowMask, Vector512<float>.Zero) : Vector512<float>.Zero;
                var high = oy + 1 < ho && (uint)(iy + 2) < (uint)g.Height
                    ? Avx512F.MaskLoad(from + (long)(iy + 2) * width, rowMask, Vector512<float>.Zero) : Vector512<float>.Zero;
                var tail = oy + 1 < ho ? bothRows : onlyFirst;
                for (int t = 0; t < taps; t++)
                {
                    var v = Vector512.ConditionalSelect(keep[t], Avx512F.PermuteVar16x32x2(low, index[t], high), Vector512<float>.Zero);
                    Store(dst + t * dstStride, at, wholeUpTo, tail, v);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* dst, long at, long wholeUpTo, Vector512<float> tail, Vector512<float> v)
    {
        if (at <= wholeUpTo) v.Store(dst + at);
        else Avx512F.MaskStore(dst + at, tail, v);
    }

    private static Vector512<int> EvenLanes => Vector512.Create(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);

    // Lanes whose input column lies in [0, width).
    private static Vector512<float> Inside(Vector512<int> columns, int width) =>
        Vector512.LessThan(columns.AsUInt32(), Vector512.Create((uint)width)).AsSingle();
}

using System.Runtime.CompilerServices;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// im2col and col2im for one input channel over a run of images: picks the AVX-512 loops (strides 1 and 2) or AVX2
/// gathers (im2col) where they apply, else runs scalar loops clipped by each kernel offset's <see cref="PatchWindow"/>:
/// zeros outside the window, and inside it a branch-free copy (contiguous for stride 1, strided otherwise) or accumulation.
/// </summary>
internal static unsafe class PlaneUnfold
{
    /// <summary>
    /// For images i in [0, <paramref name="images"/>): dst[i·P + oy·Wo + ox] = planes[i·planeStride + (oy·s − p + ky)·W + ox·s − p + kx],
    /// or 0 where that lies in the padding; P = Ho·Wo.
    /// </summary>
    public static void Unfold(in ConvGeometry g, in PatchWindow w, float* planes, long planeStride, float* dst, int images)
    {
        if (Use512(g))
            PlaneUnfold512.Unfold(g, w, planes, planeStride, dst, images);
        else if (KernelSettings.Allows(VectorWidth.Bits256) && PlaneUnfold256.IsSupported)
            PlaneUnfold256.Unfold(g, w, planes, planeStride, dst, images);
        else
            for (int i = 0; i < images; i++) UnfoldScalar(g, w, planes + i * planeStride, dst + (long)i * g.OutPlane);
    }

    /// <summary>
    /// <see cref="Unfold"/> for the offsets of one kernel row, <paramref name="windows"/> (ky fixed, kx = 0, 1, …), offset kx
    /// into <paramref name="dst"/> + kx·<paramref name="dstStride"/>: with AVX-512 and stride 2 onto rows of at most 8, each
    /// pair of output rows loads its two input rows once for all the offsets (they read the same rows at other columns).
    /// </summary>
    public static void UnfoldKernelRow(in ConvGeometry g, ReadOnlySpan<PatchWindow> windows, float* planes, long planeStride,
        float* dst, long dstStride, int images)
    {
        if (Use512(g) && PlaneUnfold512.PairsApply(g))
        {
            PlaneUnfold512.UnfoldRowPairs(g, windows, planes, planeStride, dst, dstStride, images);
            return;
        }
        for (int kx = 0; kx < windows.Length; kx++) Unfold(g, windows[kx], planes, planeStride, dst + kx * dstStride, images);
    }

    /// <summary>
    /// The adjoint of <see cref="Unfold"/> over all kernel offsets: each image plane i (at i·planeStride) is overwritten with the
    /// sum of the patch values that read it, taken from cols[r·rowStride + i·P] for offset r = ky·k + kx in increasing order.
    /// </summary>
    public static void Fold(in ConvGeometry g, ReadOnlySpan<PatchWindow> windows, float* cols, long rowStride, float* planes, long planeStride, int images)
    {
        if (Use512(g))
        {
            PlaneFold512.Fold(g, cols, rowStride, planes, planeStride, images);
            return;
        }
        for (int i = 0; i < images; i++)
        {
            float* plane = planes + i * planeStride;
            new Span<float>(plane, g.InPlane).Clear();
            for (int r = 0; r < windows.Length; r++)
                FoldAddScalar(g, windows[r], cols + r * rowStride + (long)i * g.OutPlane, plane);
        }
    }

    private static bool Use512(in ConvGeometry g) => KernelSettings.Allows(VectorWidth.Bits512) && PlaneUnfold512.IsSupported && g.Stride <= 2;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void UnfoldScalar(in ConvGeometry g, in PatchWindow w, float* plane, float* dst)
    {
        int wo = g.OutWidth, s = g.Stride, columns = w.Columns;
        Clear(dst, w.Oy0 * wo);
        float* from = plane + (w.Oy0 * s + w.IyAtZero) * g.Width + w.IxAtOx0;
        for (int oy = w.Oy0; oy < w.Oy1; oy++, from += s * g.Width)
        {
            float* to = dst + oy * wo;
            Clear(to, w.Ox0);
            if (s == 1) Copy(from, to + w.Ox0, columns);
            else Gather(from, s, to + w.Ox0, columns);
            Clear(to + w.Ox1, wo - w.Ox1);
        }
        Clear(dst + w.Oy1 * wo, (g.OutHeight - w.Oy1) * wo);
    }

    // plane[oy·s − p + ky, ox·s − p + kx] += src[oy·Wo + ox] over the window.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FoldAddScalar(in ConvGeometry g, in PatchWindow w, float* src, float* plane)
    {
        int wo = g.OutWidth, s = g.Stride, columns = w.Columns;
        float* to = plane + (w.Oy0 * s + w.IyAtZero) * g.Width + w.IxAtOx0;
        for (int oy = w.Oy0; oy < w.Oy1; oy++, to += s * g.Width)
        {
            float* from = src + oy * wo + w.Ox0;
            if (s == 1) Add(from, to, columns);
            else ScatterAdd(from, to, s, columns);
        }
    }

    private static void Clear(float* p, int count)
    {
        if (count > 16) new Span<float>(p, count).Clear();
        else for (int i = 0; i < count; i++) p[i] = 0f;
    }

    private static void Copy(float* from, float* to, int count)
    {
        if (count > 16) Buffer.MemoryCopy(from, to, count * sizeof(float), count * sizeof(float));
        else for (int i = 0; i < count; i++) to[i] = from[i];
    }

    private static void Gather(float* from, int stride, float* to, int count)
    {
        for (int i = 0; i < count; i++, from += stride) to[i] = *from;
    }

    private static void Add(float* from, float* to, int count)
    {
        for (int i = 0; i < count; i++) to[i] += from[i];
    }

    private static void ScatterAdd(float* from, float* to, int stride, int count)
    {
        for (int i = 0; i < count; i++, to += stride) *to += from[i];
    }
}

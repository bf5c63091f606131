using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// For each kernel offset (ky, kx) and output position of a convolution, where in one input plane the patch value comes
/// from (−1 in the padding). Built once per plane geometry and cached per thread, so im2col and col2im run one flat
/// loop per plane instead of clipping every output row.
/// </summary>
internal static unsafe class PatchOffsets
{
    [ThreadStatic] private static Dictionary<(int, int, int, int, int, int, int), int[]>? cache;

    /// <summary>When false, <see cref="Gather"/> uses only its scalar loop (tests force it to compare paths).</summary>
    internal static bool UseVectors { get; set; } = true;

    /// <summary>The table [k·k, Ho·Wo] for this geometry's planes.</summary>
    public static int[] For(in ConvGeometry g)
    {
        var key = (g.Height, g.Width, g.Kernel, g.Stride, g.Padding, g.OutHeight, g.OutWidth);
        cache ??= new();
        if (cache.TryGetValue(key, out var table)) return table;
        int k = g.Kernel, plane = g.OutPlane;
        table = new int[k * k * plane];
        for (int ky = 0; ky < k; ky++)
        for (int kx = 0; kx < k; kx++)
        for (int oy = 0; oy < g.OutHeight; oy++)
        for (int ox = 0; ox < g.OutWidth; ox++)
        {
            int iy = oy * g.Stride - g.Padding + ky, ix = ox * g.Stride - g.Padding + kx;
            bool inside = (uint)iy < (uint)g.Height && (uint)ix < (uint)g.Width;
            table[(ky * k + kx) * plane + oy * g.OutWidth + ox] = inside ? iy * g.Width + ix : -1;
        }
        cache[key] = table;
        return table;
    }

    /// <summary>dst[i] = src[offsets[i]], or 0 where the offset is −1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Gather(float* src, int* offsets, float* dst, int count)
    {
        int i = 0;
        if (UseVectors && Avx2.IsSupported)
        {
            for (; i <= count - 8; i += 8)
            {
                var index = Avx.LoadVector256(offsets + i);
                // Lanes with a negative offset are masked off: not loaded, left at zero.
                var mask = Avx2.CompareGreaterThan(index, Vector256.Create(-1)).AsSingle();
                Avx.Store(dst + i, Avx2.GatherMaskVector256(Vector256<float>.Zero, src, index, mask, 4));
            }
        }
        for (; i < count; i++)
        {
            int at = offsets[i];
            dst[i] = at >= 0 ? src[at] : 0f;
        }
    }
}

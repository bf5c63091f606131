using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// Op(B) of the weight gradient's implicit GEMM, the transposed patches (row (n, oy, ox), column (c, ky, kx)), packed as
/// <see cref="GemmPacking"/> packs stored patches: the same values in the same places, with no patch matrix. With four
/// taps a row, as in every 4×4 kernel, a panel's columns come in fours that are four adjacent pixels of one source row, so
/// each step of a panel is a few 4-wide loads (masked where the patch overhangs the plane) stored side by side. Otherwise
/// each panel's patch rows are gathered by <see cref="PatchPanels"/> into a staging block (positions contiguous) and
/// transposed into place.
/// </summary>
internal sealed unsafe class TransposedPatchPanels : PanelSource
{
    private const int Taps = 4;

    public PatchPanels? Patches;

    public override void Pack(int panel, int start, int count, int p0, int kc, float* dst)
    {
        var patches = Patches!;
        var grid = patches.Grid;
        if (grid.TapsX == Taps && panel % Taps == 0 && start % Taps == 0 && count % Taps == 0 && Avx.IsSupported)
        {
            for (int q = 0; q < count; q += panel)
                PackFourTaps(grid, panel, start + q, Math.Min(panel, count - q), p0, kc, dst + (nint)q * kc);
            return;
        }

        float* staging = GemmBuffers.ForCurrentThread.Staging((nint)panel * kc + 16);
        for (int q = 0; q < count; q += panel)
        {
            int width = Math.Min(panel, count - q);
            patches.Pack(kc, p0, kc, start + q, width, staging); // staging[r·kc + i] = patch row start + q + r at position p0 + i
            GemmPacking.Transpose(staging, kc, width, kc, dst + (nint)q * kc, panel);
        }
    }

    // dst[i·panel + x] = patch column start + x at position p0 + i; column (c, ty, tx) reads source[n, c, iy0 + ty, ix0 + tx].
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackFourTaps(in PatchGrid g, int panel, int start, int width, int p0, int kc, float* dst)
    {
        // Each run of four columns: its (c, ty) as an offset into an image, and its row tap.
        int runs = width / Taps, taps = g.TapsY * Taps;
        long* offset = stackalloc long[runs];
        int* rowTap = stackalloc int[runs];
        for (int r = 0; r < runs; r++)
        {
            int column = start + r * Taps, c = column / taps, ty = column % taps / Taps;
            offset[r] = c * g.Plane + (long)ty * g.Width;
            rowTap[r] = ty;
        }

        var lanes = Vector128.Create(0, 1, 2, 3);
        long imageStride = (long)g.Channels * g.Plane;
        int gridPlane = g.GridPlane;
        int n = p0 / gridPlane, qy = p0 % gridPlane / g.GridWidth, qx = p0 % g.GridWidth;
        for (int i = 0; i < kc; i++)
        {
            float* to = dst + (nint)i * panel;
            int iy0 = qy * g.Stride + g.OffY, ix0 = qx * g.Stride + g.OffX;
            // The lanes whose pixel lies inside the row; the others read as zero (a masked load never faults).
            var inside = Vector128.LessThan((lanes + Vector128.Create(ix0)).AsUInt32(), Vector128.Create((uint)g.Width)).AsSingle();
            float* at = g.Source + n * imageStride + (long)iy0 * g.Width + ix0;
            for (int r = 0; r < runs; r++)
            {
                var v = (uint)(iy0 + rowTap[r]) < (uint)g.Height ? Avx.MaskLoad(at + offset[r], inside) : Vector128<float>.Zero;
                Vector128.Store(v, to + r * Taps);
            }
            for (int x = runs * Taps; x < panel; x++) to[x] = 0f;
            if (++qx == g.GridWidth)
            {
                qx = 0;
                if (++qy == g.GridHeight) { qy = 0; n++; }
            }
        }
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// Op(B) of the weight gradient's implicit GEMM, the transposed patches (row (n, oy, ox), column (c, ky, kx)), packed as
/// <see cref="GemmPacking"/> packs stored patches: the same values in the same places, with no patch matrix. With at most
/// four taps a row (every 3×3 and 4×4 kernel), a panel's columns fall into segments of adjacent pixels of one source row,
/// so each step of a panel is one short load per segment, the segments stored side by side: a store's lanes past its
/// segment are overwritten by the next one, or by the zeros of a ragged panel. Where the load's four pixels lie inside
/// the row it is a plain load (its lanes past the segment are overwritten like any other); near the plane's edges it is
/// masked to the segment and to the plane (plain loads made the 4×4 layers' weight gradients about 10 % faster).
/// Wider kernels gather each panel's patch rows with <see cref="PatchPanels"/> into a staging block (positions
/// contiguous) and transpose it into place.
/// </summary>
internal sealed unsafe class TransposedPatchPanels : PanelSource
{
    private const int MaxTaps = 4;

    public PatchPanels? Patches;

    public override void Pack(int panel, int start, int count, int p0, int kc, float* dst)
    {
        var patches = Patches!;
        var grid = patches.Grid;
        if (grid.TapsX <= MaxTaps && Avx.IsSupported)
        {
            bool wholeRows = grid.TapsX == MaxTaps && panel % MaxTaps == 0 && start % MaxTaps == 0 && count % MaxTaps == 0;
            for (int q = 0; q < count; q += panel)
            {
                if (wholeRows) PackFourTaps(grid, panel, start + q, Math.Min(panel, count - q), p0, kc, dst + (nint)q * kc);
                else PackSegments(grid, panel, start + q, Math.Min(panel, count - q), p0, kc, dst + (nint)q * kc);
            }
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

    /// <summary>The planes of the columns' channels in the images of the positions: whole planes, a little more than is read.</summary>
    public override PrefetchRegion Upcoming(int start, int count, int p0, int kc)
    {
        var g = Patches!.Grid;
        int taps = g.TapsY * g.TapsX, c0 = start / taps, c1 = (start + count - 1) / taps;
        int n0 = p0 / g.GridPlane, n1 = (p0 + kc - 1) / g.GridPlane;
        long imageStride = (long)g.Channels * g.Plane;
        return new PrefetchRegion(g.Source + n0 * imageStride + c0 * g.Plane, (nint)imageStride, n1 - n0 + 1, (int)((c1 - c0 + 1) * g.Plane));
    }

    // dst[i·panel + x] = patch column start + x at position p0 + i; column (c, ty, tx) reads source[n, c, iy0 + ty, ix0 + tx].
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackSegments(in PatchGrid g, int panel, int start, int width, int p0, int kc, float* dst)
    {
        // The panel's columns as segments of one (c, ty): where each lands, its offset into an image, its row tap, its first
        // column tap and length (a segment ends at a row of taps or at the panel's edge).
        int* column = stackalloc int[width];
        long* offset = stackalloc long[width];
        int* rowTap = stackalloc int[width];
        int* firstTap = stackalloc int[width];
        int* length = stackalloc int[width];
        int segments = 0, taps = g.TapsY * g.TapsX;
        for (int x = 0; x < width; segments++)
        {
            int col = start + x, c = col / taps, ty = col % taps / g.TapsX, tx = col % g.TapsX;
            column[segments] = x;
            offset[segments] = c * g.Plane + (long)ty * g.Width + tx;
            rowTap[segments] = ty;
            firstTap[segments] = tx;
            length[segments] = Math.Min(g.TapsX - tx, width - x);
            x += length[segments];
        }

        var lanes = Vector128.Create(0, 1, 2, 3);
        long imageStride = (long)g.Channels * g.Plane;
        int n = p0 / g.GridPlane, qy = p0 % g.GridPlane / g.GridWidth, qx = p0 % g.GridWidth;
        for (int i = 0; i < kc; i++)
        {
            float* to = dst + (nint)i * panel;
            int iy0 = qy * g.Stride + g.OffY, ix0 = qx * g.Stride + g.OffX;
            float* at = g.Source + n * imageStride + (long)iy0 * g.Width + ix0;
            for (int r = 0; r < segments; r++)
            {
                var v = Vector128<float>.Zero;
                int ix = ix0 + firstTap[r];
                if ((uint)(iy0 + rowTap[r]) < (uint)g.Height)
                {
                    if (ix >= 0 && ix + MaxTaps <= g.Width)
                        v = Vector128.Load(at + offset[r]); // all four pixels in the row: lanes past the segment are overwritten
                    else
                    {
                        // Lanes inside the segment whose pixel lies inside the row; the others read as zero (a masked load never faults).
                        var inRow = Vector128.LessThan((lanes + Vector128.Create(ix)).AsUInt32(), Vector128.Create((uint)g.Width));
                        var inSegment = Vector128.LessThan(lanes, Vector128.Create(length[r]));
                        v = Avx.MaskLoad(at + offset[r], (inRow.AsInt32() & inSegment).AsSingle());
                    }
                }
                Vector128.Store(v, to + column[r]);
            }
            for (int x = width; x < panel; x++) to[x] = 0f;
            if (++qx == g.GridWidth)
            {
                qx = 0;
                if (++qy == g.GridHeight) { qy = 0; n++; }
            }
        }
    }

    // PackSegments when every segment is a whole row of four taps (a 4×4 kernel): no per-segment lengths or masks.
    // dst[i·panel + x] = patch column start + x at position p0 + i; column (c, ty, tx) reads source[n, c, iy0 + ty, ix0 + tx].
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackFourTaps(in PatchGrid g, int panel, int start, int width, int p0, int kc, float* dst)
    {
        // Each run of four columns: its (c, ty) as an offset into an image, and its row tap.
        int runs = width / MaxTaps, taps = g.TapsY * MaxTaps;
        long* offset = stackalloc long[runs];
        int* rowTap = stackalloc int[runs];
        for (int r = 0; r < runs; r++)
        {
            int column = start + r * MaxTaps, c = column / taps, ty = column % taps / MaxTaps;
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
            // Away from the left and right edges every lane is inside: a plain load (masked loads cost more).
            bool whole = ix0 >= 0 && ix0 + MaxTaps <= g.Width;
            for (int r = 0; r < runs; r++)
            {
                var v = (uint)(iy0 + rowTap[r]) >= (uint)g.Height ? Vector128<float>.Zero
                    : whole ? Vector128.Load(at + offset[r]) : Avx.MaskLoad(at + offset[r], inside);
                Vector128.Store(v, to + r * MaxTaps);
            }
            for (int x = runs * MaxTaps; x < panel; x++) to[x] = 0f;
            if (++qx == g.GridWidth)
            {
                qx = 0;
                if (++qy == g.GridHeight) { qy = 0; n++; }
            }
        }
    }
}

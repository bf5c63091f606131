using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// B of an implicit GEMM: the columns of a <see cref="PatchGrid"/> packed into NR-column panels straight from the
/// source planes, with no patch matrix in memory. A panel's columns fall into runs that share an image and a grid row;
/// each run's values for one row (c, ty, tx) are one masked vector load from the source (stride 1; stride 2 keeps the
/// even lanes of two loads) stored whole: the lanes past the run are overwritten by the next run, or by the zeros of a
/// ragged panel's empty columns. The masks, which keep the lanes whose column lies inside the plane (the padding reads as
/// 0, and no load leaves its row), depend only on the grid column and tap, so <see cref="Prepare"/> builds them once per
/// multiply. Values are only copied: the GEMM computes exactly what it computes on the stored patches.
/// </summary>
internal sealed unsafe class PatchPanels : PanelSource
{
    private int* _masks;
    private nint _maskCapacity;
    private int _lanes;

    public PatchGrid Grid { get; private set; }

    ~PatchPanels() => NativeMemory.AlignedFree(_masks);

    /// <summary>Sets the grid for the next multiplies and builds its masks for the lanes the settings in effect allow.</summary>
    public void Prepare(in PatchGrid grid)
    {
        Grid = grid;
        var width = Lanes.For();
        _lanes = grid.Stride > 2 ? 1 : width switch { LaneWidth.Bits512 => 16, LaneWidth.Bits256 => 8, _ => 1 };
        if (_lanes == 1) return;
        int s = grid.Stride, l2 = 2 * _lanes;
        nint floats = (nint)grid.GridWidth * grid.TapsX * l2;
        if (floats > _maskCapacity)
        {
            NativeMemory.AlignedFree(_masks);
            _masks = null;
            _maskCapacity = 0;
            _masks = (int*)NativeMemory.AlignedAlloc((nuint)floats * sizeof(int), 64);
            _maskCapacity = floats;
        }
        // masks[(qx·TapsX + tx)·2l + u]: source lane u of a run starting at grid column qx, tap tx, is a value of the row.
        for (int qx = 0; qx < grid.GridWidth; qx++)
        for (int tx = 0; tx < grid.TapsX; tx++)
        {
            int* m = _masks + (qx * grid.TapsX + tx) * l2;
            int ix0 = qx * s + grid.OffX + tx;
            for (int u = 0; u < l2; u++) m[u] = u % s == 0 && (uint)(ix0 + u) < (uint)grid.Width ? -1 : 0;
        }
    }

    public override void Pack(int panel, int start, int count, int p0, int kc, float* dst)
    {
        for (int q = 0; q < count; q += panel)
        {
            int width = Math.Min(panel, count - q);
            float* to = dst + (nint)q * kc;
            if (_lanes == 16) PackVector<Vector512<float>, Lanes512>(panel, start + q, width, p0, kc, to);
            else if (_lanes == 8) PackVector<Vector256<float>, Lanes256>(panel, start + q, width, p0, kc, to);
            else PackScalar(panel, start + q, width, p0, kc, to);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PackVector<TV, TL>(int panel, int j, int width, int p0, int kc, float* to)
        where TV : struct where TL : struct, IVectorLanes<TV>
    {
        var g = Grid;
        int l = TL.Count, s = g.Stride, l2 = 2 * l;
        // Runs of at most l columns sharing an image and a grid row: panel column, source offset of the image and
        // column, grid row times the stride, and the run's masks.
        int* column = stackalloc int[panel];
        long* offset = stackalloc long[panel];
        int* rowAt = stackalloc int[panel];
        int* maskAt = stackalloc int[panel];
        int runs = 0;
        for (int x = 0; x < width; runs++)
        {
            int q = (j + x) % g.GridPlane, qx = q % g.GridWidth;
            column[runs] = x;
            offset[runs] = (long)((j + x) / g.GridPlane) * g.Channels * g.Plane + qx * s;
            rowAt[runs] = q / g.GridWidth * s;
            maskAt[runs] = qx * g.TapsX * l2;
            x += Math.Min(Math.Min(width - x, g.GridWidth - qx), l);
        }

        int taps = g.TapsY * g.TapsX;
        int c = p0 / taps, ty = p0 % taps / g.TapsX, tx = p0 % g.TapsX;
        for (int step = 0; step < kc; step++)
        {
            float* row = to + (nint)step * panel;
            int iyAt = g.OffY + ty;
            float* plane = g.Source + c * g.Plane + g.OffX + tx;
            float* m = (float*)_masks + tx * l2;
            for (int r = 0; r < runs; r++)
            {
                int iy = rowAt[r] + iyAt;
                TV v = TL.Zero;
                if ((uint)iy < (uint)g.Height)
                {
                    float* from = plane + offset[r] + (long)iy * g.Width;
                    float* mr = m + maskAt[r];
                    v = s == 1 ? TL.Load(from, TL.Load(mr)) : TL.LoadEven(from, TL.Load(mr), TL.Load(mr + l));
                }
                TL.Store(row + column[r], v);
            }
            for (int x = width; x < panel; x += l) TL.Store(row + x, TL.Zero);
            if (++tx == g.TapsX)
            {
                tx = 0;
                if (++ty == g.TapsY) { ty = 0; c++; }
            }
        }
    }

    private void PackScalar(int panel, int j, int width, int p0, int kc, float* to)
    {
        var g = Grid;
        int taps = g.TapsY * g.TapsX;
        for (int x = 0; x < panel; x++)
        {
            int column = j + x, n = column / g.GridPlane, q = column % g.GridPlane;
            int iy0 = q / g.GridWidth * g.Stride + g.OffY, ix0 = q % g.GridWidth * g.Stride + g.OffX;
            float* image = g.Source + (long)n * g.Channels * g.Plane;
            for (int step = 0; step < kc; step++)
            {
                int p = p0 + step, c = p / taps, ty = p % taps / g.TapsX, tx = p % g.TapsX;
                int iy = iy0 + ty, ix = ix0 + tx;
                to[(nint)step * panel + x] = x < width && (uint)iy < (uint)g.Height && (uint)ix < (uint)g.Width
                    ? image[c * g.Plane + (long)iy * g.Width + ix] : 0f;
            }
        }
    }
}

using GanDsl.Tensors.Kernels;

namespace GanDsl.Core.Tests.Tensors.Kernels;

/// <summary>
/// The lines a GEMM tile asks the cache for ahead of packing (<see cref="PrefetchRegion"/>): every 64-byte line that a
/// row's piece touches, once, in order, whatever the piece's alignment and the row stride; nothing for an empty block.
/// </summary>
public class PrefetchRegionTests
{
    [Theory]
    [InlineData(0, 784, 5, 262)]  // a transposed weight's rows (forward multiply), line-aligned
    [InlineData(3, 784, 4, 100)]  // starting inside a line
    [InlineData(0, 100, 6, 64)]   // rows 400 bytes apart: each piece sits differently in its lines
    [InlineData(15, 37, 9, 1)]    // one float a row, on the last float of a line
    [InlineData(5, 1024, 3, 16)]  // a 16-float piece straddling two lines
    public unsafe void GivesEveryLineOfEachRowsPieceOnceInOrder(int offset, int stride, int rows, int length)
    {
        var data = new float[offset + (long)stride * rows + length + 64];
        fixed (float* start = data)
        {
            float* aligned = (float*)(((nint)start + 63) & ~(nint)63);
            float* first = aligned + offset;
            var expected = new List<nint>();
            for (int r = 0; r < rows; r++)
            {
                nint begin = (nint)(first + (long)r * stride), end = (nint)(first + (long)r * stride + length);
                for (nint line = begin & ~(nint)63; line < end; line += 64) expected.Add(line);
            }

            var region = new PrefetchRegion(first, stride, rows, length);
            Assert.True(region.Estimate >= expected.Count, $"estimate {region.Estimate} below the {expected.Count} lines");
            var given = new List<nint>();
            while (region.Next(out nint line)) given.Add(line);
            Assert.Equal(expected, given);
            Assert.False(region.Next(out _));
        }
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(4, 0)]
    public unsafe void AnEmptyBlockHasNoLines(int rows, int length)
    {
        var data = new float[16];
        fixed (float* first = data)
        {
            var region = new PrefetchRegion(first, 8, rows, length);
            Assert.Equal(0, region.Estimate);
            Assert.False(region.Next(out _));
        }
        Assert.False(default(PrefetchRegion).Next(out _));
    }
}

/// <summary>
/// What a weight gradient's patch panels ask to have fetched ahead (<see cref="TransposedPatchPanels.Upcoming"/>): every
/// source pixel that packing the lines and k steps reads lies in one of the region's lines.
/// </summary>
public class TransposedPatchPanelsUpcomingTests
{
    [Theory]
    [InlineData(4, 2, 1, 0, 128, 0, 314)]     // dcgan's 32 -> 64 layer: a tile's four panels, the first k block
    [InlineData(4, 2, 1, 200, 96, 700, 314)]  // columns and positions starting inside a channel and an image
    [InlineData(3, 2, 1, 212, 76, 6000, 272)] // a 3 x 3 kernel up to the last column and position
    [InlineData(5, 1, 2, 12, 1, 3, 1)]        // one column at one position
    public unsafe void CoversEveryPixelThePackingReads(int kernel, int stride, int padding, int start, int count, int p0, int kc)
    {
        var g = ConvGeometry.ForConv(128, 32, 14, 14, 64, kernel, stride, padding);
        var x = new float[(long)g.Batch * g.InChannels * g.InPlane];
        fixed (float* source = x)
        {
            var patches = new PatchPanels();
            patches.Prepare(PatchGrid.Of(g, source));
            var grid = patches.Grid;
            int positions = grid.Columns;
            Assert.InRange(start + count, 1, grid.Rows);
            Assert.InRange(p0 + kc, 1, positions);
            var region = new TransposedPatchPanels { Patches = patches }.Upcoming(start, count, p0, kc);
            var lines = new HashSet<nint>();
            while (region.Next(out nint line)) lines.Add(line);

            int taps = grid.TapsY * grid.TapsX, read = 0;
            for (int column = start; column < start + count; column++)
            for (int p = p0; p < p0 + kc; p++)
            {
                int c = column / taps, ty = column % taps / grid.TapsX, tx = column % grid.TapsX;
                int n = p / grid.GridPlane, qy = p % grid.GridPlane / grid.GridWidth, qx = p % grid.GridWidth;
                int iy = qy * grid.Stride + grid.OffY + ty, ix = qx * grid.Stride + grid.OffX + tx;
                if ((uint)iy >= (uint)grid.Height || (uint)ix >= (uint)grid.Width) continue;
                nint pixel = (nint)(source + ((long)n * grid.Channels + c) * grid.Plane + (long)iy * grid.Width + ix);
                Assert.Contains(pixel & ~(nint)63, lines);
                read++;
            }
            Assert.True(read > 0);
        }
    }
}

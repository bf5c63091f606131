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

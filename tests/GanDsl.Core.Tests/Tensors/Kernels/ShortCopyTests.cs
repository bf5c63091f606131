using GanDsl.Tensors.Kernels;

namespace GanDsl.Core.Tests.Tensors.Kernels;

/// <summary>The in-line copies of short runs (at the CPU's widest vectors): every length, nothing written around the run.</summary>
public class ShortCopyTests
{
    [Fact]
    public unsafe void CopiesEveryLengthExactlyAndWritesNothingAround()
    {
        const int guard = 20;
        var source = Enumerable.Range(0, 300).Select(i => i * 0.5f + 1f).ToArray();
        for (int count = 0; count <= 280; count++)
        for (int offset = 0; offset < 3; offset++) // starts on and off a vector boundary
        {
            var target = Enumerable.Repeat(float.NaN, guard + offset + count + guard).ToArray();
            fixed (float* from = source, to = target) ShortCopy.Floats(from + offset, to + guard + offset, count);
            Assert.Equal(source.AsSpan(offset, count).ToArray(), target.AsSpan(guard + offset, count).ToArray());
            Assert.All(target.AsSpan(0, guard + offset).ToArray(), v => Assert.True(float.IsNaN(v), $"written before a run of {count}"));
            Assert.All(target.AsSpan(guard + offset + count).ToArray(), v => Assert.True(float.IsNaN(v), $"written past a run of {count}"));
        }
    }
}

using System.Numerics.Tensors;
using GanDsl.Tensors;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Core.Tests.Tensors.Kernels;

/// <summary>A broadcast gradient's block sums (bias gradients): the serial loops' bits on any thread count.</summary>
[Collection(nameof(GemmSerial))]
public class BlockSumsTests
{
    [Theory]
    [InlineData(128, 1024, 1)]   // a linear bias: column sums over the batch, split by column ranges
    [InlineData(128, 16, 1156)]  // a convolution's channel bias over 34 × 34 planes
    [InlineData(7, 3, 5)]        // too small to split
    [InlineData(64, 37, 40)]     // ragged ranges of channels
    public void BlockSumsAreTheSerialLoopsForEveryThreadCount(int outer, int mid, int inner)
    {
        var source = new float[outer * mid * inner];
        new Rng(5).FillNormal(source);
        var expected = new float[mid];
        for (int o = 0; o < outer; o++)
            for (int m = 0; m < mid; m++)
            {
                var block = source.AsSpan((o * mid + m) * inner, inner);
                // Columns add element by element; planes add each block's vector sum.
                expected[m] += inner == 1 ? block[0] : TensorPrimitives.Sum(block);
            }

        foreach (var threads in new[] { 1, 2, 3 })
        {
            var target = Enumerable.Repeat(float.NaN, mid).ToArray(); // overwritten, not added to
            using (KernelSettings.Override(threads: threads)) BlockSums.Run(source, target, outer, mid, inner);
            Assert.Equal(expected, target);
        }
    }
}

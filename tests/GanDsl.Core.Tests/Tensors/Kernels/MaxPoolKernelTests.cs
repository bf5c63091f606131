using GanDsl.Tensors;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Core.Tests.Tensors.Kernels;

/// <summary>
/// Max pooling's winners: the 2×2 loops (AVX-512, AVX2 and scalar) and the general one, on one and several threads,
/// against the definition.
/// </summary>
[Collection(nameof(GemmSerial))]
public class MaxPoolKernelTests
{
    [Theory]
    [InlineData(2, 2, 24, 24)] // the Lightning CNN's first pool; 150 planes make three parts
    [InlineData(2, 2, 7, 9)]   // odd sizes: the last row and column are left out
    [InlineData(2, 2, 6, 42)]  // 21 windows a row: a whole 16-lane vector and a masked one, three 8-lane vectors
    [InlineData(2, 2, 4, 2)]   // one window a row
    [InlineData(3, 2, 11, 8)]
    [InlineData(2, 1, 6, 5)]   // overlapping windows
    public void WinnersMatchTheDefinitionForEveryThreadCount(int kernel, int stride, int h, int w)
    {
        const int planes = 150;
        var rng = new Rng(11);
        var x = new float[planes * h * w];
        rng.FillUniform(x, -1f, 1f);
        for (int i = 0; i < x.Length; i += 3) x[i] = MathF.Round(x[i] * 2f) / 2f; // many ties
        for (int i = 5; i < x.Length; i += 97) x[i] = float.NaN;
        for (int i = 40; i < x.Length; i += 211) x[i + 1] = x[i] = float.NaN;   // two NaNs in one window: the first wins

        int ho = (h - kernel) / stride + 1, wo = (w - kernel) / stride + 1;
        var expected = Definition(x, planes, h, w, kernel, stride);
        foreach (var width in GemmTests.Paths)
        foreach (var threads in new[] { 1, 2, 3 })
        {
            var index = new int[planes * ho * wo];
            using (KernelSettings.Override(width, threads)) MaxPoolKernel.Winners(x, index, planes, h, w, kernel, stride);
            Assert.Equal(expected, index);
        }
    }

    // The rule written out plainly: scan each window in row-major order, move to a larger element, or to a NaN from a number.
    private static int[] Definition(float[] x, int planes, int h, int w, int k, int s)
    {
        int ho = (h - k) / s + 1, wo = (w - k) / s + 1;
        var index = new int[planes * ho * wo];
        int o = 0;
        for (int plane = 0; plane < planes; plane++)
        for (int oy = 0; oy < ho; oy++)
        for (int ox = 0; ox < wo; ox++)
        {
            int best = plane * h * w + oy * s * w + ox * s;
            for (int ky = 0; ky < k; ky++)
            for (int kx = 0; kx < k; kx++)
            {
                int i = plane * h * w + (oy * s + ky) * w + ox * s + kx;
                if (x[i] > x[best] || float.IsNaN(x[i]) && !float.IsNaN(x[best])) best = i;
            }
            index[o++] = best;
        }
        return index;
    }
}

using GanDsl.Tensors;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Core.Tests.Tensors.Kernels;

/// <summary>The fused leaky-ReLU, tanh-backward and batch-norm kernels: vector and scalar paths, one and several threads, the same bits.</summary>
[Collection(nameof(GemmSerial))]
public class ElementwiseKernelTests
{
    [Theory]
    [InlineData(13, 0.2f)]
    [InlineData(100_003, 0.2f)] // several pool chunks and a ragged tail
    [InlineData(70_000, 0f)]
    public void LeakyReluPathsAgreeBitForBitWithTheDefinition(int length, float slope)
    {
        var rng = new Rng(3);
        var x = new float[length];
        var g = new float[length];
        rng.FillUniform(x, -2f, 2f);
        rng.FillUniform(g, -1f, 1f);
        x[0] = 0f;
        x[1] = float.NaN;
        foreach (var width in Enum.GetValues<VectorWidth>())
        foreach (var threads in new[] { 1, 2 })
        {
            var (y, r) = Run(x, g, slope, width, threads);
            for (int i = 0; i < length; i++)
            {
                Assert.Equal(x[i] > 0 ? x[i] : x[i] * slope, y[i]);
                Assert.Equal(x[i] > 0 ? g[i] : g[i] * slope, r[i]);
            }
        }
    }

    [Fact]
    public void BatchNormIsBitIdenticalForEveryThreadCountAndNormalises()
    {
        const int n = 16, c = 12, inner = 300; // over the parallel threshold
        var rng = new Rng(9);
        var x = new float[n * c * inner];
        var g = new float[x.Length];
        rng.FillNormal(x, 3f, 2f);
        rng.FillNormal(g);
        var gamma = new float[c];
        var beta = new float[c];
        rng.FillNormal(gamma, 1f, 0.1f);
        rng.FillNormal(beta);

        float[]? firstY = null, firstGx = null;
        foreach (var threads in new[] { 1, 2, 3 })
        {
            using (KernelSettings.Override(threads: threads))
            {
                var (mean, invStd, y) = (new float[c], new float[c], new float[x.Length]);
                var (runMean, runVar) = (new float[c], Enumerable.Repeat(1f, c).ToArray());
                BatchNormKernel.Forward(n, c, inner, x, gamma, beta, 1e-5f, 0.1f, runMean, runVar, mean, invStd, y);
                var (gx, gGamma, gBeta) = (new float[x.Length], new float[c], new float[c]);
                BatchNormKernel.Backward(n, c, inner, x, g, gamma, mean, invStd, gx, gGamma, gBeta);

                // Each channel of the output has mean beta and standard deviation gamma.
                for (int ch = 0; ch < c; ch++)
                {
                    var values = Enumerable.Range(0, n).SelectMany(s => y.Skip((s * c + ch) * inner).Take(inner)).ToArray();
                    double mu = values.Average(v => (double)v);
                    double sd = Math.Sqrt(values.Average(v => (v - mu) * (v - mu)));
                    Assert.InRange(mu, beta[ch] - 1e-3, beta[ch] + 1e-3);
                    Assert.InRange(sd, Math.Abs(gamma[ch]) * 0.999, Math.Abs(gamma[ch]) * 1.001);
                    Assert.Equal(0.1f * mean[ch], runMean[ch], 6);
                }
                if (firstY is null) (firstY, firstGx) = (y, gx);
                else
                {
                    Assert.Equal(firstY, y);
                    Assert.Equal(firstGx, gx);
                }
            }
        }
    }

    [Theory]
    [InlineData(7)]
    [InlineData(100_355)] // a ragged tail after the vector loop
    public void TanhBackwardPathsAgreeBitForBitWithTheDefinition(int length)
    {
        var rng = new Rng(5);
        var y = new float[length];
        var g = new float[length];
        rng.FillUniform(y, -1f, 1f);
        rng.FillUniform(g, -1f, 1f);
        var expected = new float[length];
        for (int i = 0; i < length; i++) expected[i] = g[i] * (1f - y[i] * y[i]);

        foreach (var width in Enum.GetValues<VectorWidth>())
        {
            var r = new float[length];
            using (KernelSettings.Override(width))
                TanhKernel.Backward(g, y, r);
            Assert.Equal(expected, r);
        }
    }

    private static (float[] Y, float[] R) Run(float[] x, float[] g, float slope, VectorWidth width, int threads)
    {
        using var scope = KernelSettings.Override(width, threads);
        var y = new float[x.Length];
        var r = new float[x.Length];
        LeakyReluKernel.Forward(x, y, slope);
        LeakyReluKernel.Backward(g, x, r, slope);
        return (y, r);
    }

    [Theory]
    [InlineData(new[] { 128, 16, 34, 34 }, new[] { 1, 16, 1, 1 })] // a convolution's channel bias: one block per (image, channel)
    [InlineData(new[] { 300, 1000 }, new[] { 1000 })]               // a linear layer's bias: one row at a time
    [InlineData(new[] { 70_001 }, new[] { 70_001 })]                 // same shapes, a ragged last chunk
    [InlineData(new[] { 3, 40_000 }, new[] { 1 })]                   // a scalar
    [InlineData(new[] { 1 }, new[] { 5, 20_000 })]                   // a scalar on the left, the full operand on the right
    public void BinaryIsTheDefinitionForEveryThreadCount(int[] aShape, int[] bShape)
    {
        var rng = new Rng(5);
        var a = new Tensor(new Shape(aShape));
        var b = new Tensor(new Shape(bShape));
        rng.FillNormal(a.Data);
        rng.FillNormal(b.Data);
        var shape = Broadcasting.ResultShape("test", a.Shape, b.Shape);
        var ia = new int[shape.Size];
        var ib = new int[shape.Size];
        Broadcasting.SourceIndices(a.Shape, shape, ia);
        Broadcasting.SourceIndices(b.Shape, shape, ib);
        foreach (var threads in new[] { 1, 2, 3 })
        {
            var sum = new Tensor(shape);
            var difference = new Tensor(shape);
            using (KernelSettings.Override(threads: threads))
            {
                Elementwise.Binary<AddOp>(a, b, sum);
                Elementwise.Binary<SubOp>(a, b, difference);
            }
            for (int i = 0; i < shape.Size; i++)
            {
                Assert.Equal(a.Data[ia[i]] + b.Data[ib[i]], sum.Data[i]);
                Assert.Equal(a.Data[ia[i]] - b.Data[ib[i]], difference.Data[i]);
            }
        }
    }
}

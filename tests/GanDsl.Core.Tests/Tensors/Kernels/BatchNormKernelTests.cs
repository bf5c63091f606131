using GanDsl.Tensors;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Core.Tests.Tensors.Kernels;

/// <summary>
/// The batch-norm kernel's vector and scalar paths against a double-precision reference, for rows shorter than a vector,
/// with ragged tails, planes longer than one run of accumulators and batches longer than one float partial sum; every
/// path bit-identical to the others, for every thread count and for every grouping of channels into parts.
/// </summary>
[Collection(nameof(GemmSerial))]
public class BatchNormKernelTests
{
    private const float Eps = 1e-5f, Momentum = 0.1f;

    [Theory]
    [InlineData(64, 3, 1)]     // BatchNorm1d: one value per row, scalar only
    [InlineData(9, 4, 7)]      // rows shorter than any vector
    [InlineData(16, 5, 16)]    // one 512-bit or two 256-bit vectors per row, nothing left over
    [InlineData(7, 3, 49)]     // vectors and a one-value tail
    [InlineData(3, 2, 1500)]   // long planes: one channel a part
    [InlineData(2, 3, 9000)]   // planes longer than one run of accumulators: a chunk at a time
    [InlineData(1100, 3, 2)]   // more samples than one float partial adds up
    [InlineData(80, 4, 113)]   // over the parallel threshold
    public void EveryPathMatchesTheDoubleReferenceAndTheOthersBitForBit(int n, int c, int inner)
    {
        var rng = new Rng(5);
        var x = new float[n * c * inner];
        var g = new float[x.Length];
        rng.FillNormal(x, 0f, 2f);
        rng.FillNormal(g);
        for (int i = 0; i < x.Length; i++) x[i] += 100f * (i / inner % c); // channels far from zero: the variance must not cancel
        var gamma = new float[c];
        var beta = new float[c];
        rng.FillNormal(gamma, 1f, 0.3f);
        rng.FillNormal(beta);
        var expected = Reference(n, c, inner, x, g, gamma, beta);

        Result? first = null;
        foreach (var width in Enum.GetValues<VectorWidth>())
        {
            foreach (var threads in new[] { 1, 2, 3 })
            {
                var actual = Run(n, c, inner, x, g, gamma, beta, width, threads);
                // x − mean is taken in float, with x up to 300 and the mean rounded to float: y and gx carry about
                // 300·2⁻²⁴/σ of relative rounding, as in PyTorch; the statistics themselves are nearly exact.
                AssertClose("mean", expected.Mean, actual.Mean, 1e-6);
                AssertClose("invStd", expected.InvStd, actual.InvStd, 1e-6);
                AssertClose("running mean", expected.RunningMean, actual.RunningMean, 1e-6);
                AssertClose("running var", expected.RunningVar, actual.RunningVar, 1e-6);
                AssertClose("y", expected.Y, actual.Y, 2e-5);
                AssertClose("gx", expected.Gx, actual.Gx, 2e-5);
                AssertClose("gGamma", expected.GGamma, actual.GGamma, 2e-5);
                AssertClose("gBeta", expected.GBeta, actual.GBeta, 1e-5);
                if (first is null) first = actual;
                else
                {
                    Assert.Equal(first.Mean, actual.Mean);
                    Assert.Equal(first.InvStd, actual.InvStd);
                    Assert.Equal(first.RunningVar, actual.RunningVar);
                    Assert.Equal(first.Y, actual.Y);
                    Assert.Equal(first.Gx, actual.Gx);
                    Assert.Equal(first.GGamma, actual.GGamma);
                    Assert.Equal(first.GBeta, actual.GBeta);
                }
            }
        }
    }

    [Theory]
    [InlineData(64, 37, 16)]   // dcgan's 4x4 planes: many channels a part, a ragged last group
    [InlineData(56, 13, 49)]   // 7x7 planes: runs that end inside a vector
    [InlineData(20, 9, 7)]     // planes shorter than a vector
    [InlineData(6, 5, 1100)]   // long planes: one channel a part
    [InlineData(3, 3, 5000)]   // planes longer than one run of accumulators: a chunk at a time
    public void ChannelGroupsGiveTheBitsOfOneChannelAtATime(int n, int c, int inner)
    {
        var rng = new Rng(11);
        var (x, g) = (new float[n * c * inner], new float[n * c * inner]);
        rng.FillNormal(x, 1f, 2f);
        rng.FillNormal(g);
        var (gamma, beta) = (new float[c], new float[c]);
        rng.FillNormal(gamma, 1f, 0.3f);
        rng.FillNormal(beta);

        foreach (var width in Enum.GetValues<VectorWidth>())
        foreach (var slope in new float?[] { null, 0f, 0.2f })
        {
            var alone = RunGrouped(n, c, inner, x, g, gamma, beta, slope, width, threads: 1, maxGroup: 1);
            foreach (var (threads, maxGroup) in new[] { (1, 3), (1, BatchNormKernel.MaxGroup), (2, BatchNormKernel.MaxGroup), (3, 2) })
            {
                var grouped = RunGrouped(n, c, inner, x, g, gamma, beta, slope, width, threads, maxGroup);
                string path = $"width {width}, slope {slope?.ToString() ?? "none"}, threads {threads}, groups of up to {maxGroup}";
                Assert.True(alone.Mean.SequenceEqual(grouped.Mean), $"mean differs: {path}");
                Assert.True(alone.InvStd.SequenceEqual(grouped.InvStd), $"invStd differs: {path}");
                Assert.True(alone.RunningVar.SequenceEqual(grouped.RunningVar), $"running var differs: {path}");
                Assert.True(alone.Y.SequenceEqual(grouped.Y), $"y differs: {path}");
                Assert.True(alone.Gx.SequenceEqual(grouped.Gx), $"gx differs: {path}");
                Assert.True(alone.GGamma.SequenceEqual(grouped.GGamma), $"gGamma differs: {path}");
                Assert.True(alone.GBeta.SequenceEqual(grouped.GBeta), $"gBeta differs: {path}");
            }
        }
    }

    private static Result RunGrouped(int n, int c, int inner, float[] x, float[] g, float[] gamma, float[] beta, float? slope,
        VectorWidth width, int threads, int maxGroup)
    {
        using var scope = KernelSettings.Override(width, threads);
        var r = new Result(new float[c], new float[c], new float[c], Enumerable.Repeat(1f, c).ToArray(),
            new float[x.Length], new float[x.Length], new float[c], new float[c]);
        BatchNormKernel.Forward(n, c, inner, x, gamma, beta, Eps, Momentum, r.RunningMean, r.RunningVar, r.Mean, r.InvStd, r.Y,
            slope, maxGroup);
        BatchNormKernel.Backward(n, c, inner, x, g, gamma, r.Mean, r.InvStd, r.Gx, r.GGamma, r.GBeta,
            slope.HasValue ? beta : null, slope ?? 0f, maxGroup);
        return r;
    }

    private sealed record Result(float[] Mean, float[] InvStd, float[] RunningMean, float[] RunningVar, float[] Y, float[] Gx, float[] GGamma, float[] GBeta);

    private static Result Run(int n, int c, int inner, float[] x, float[] g, float[] gamma, float[] beta, VectorWidth width, int threads)
    {
        using var scope = KernelSettings.Override(width, threads);
        var r = new Result(new float[c], new float[c], new float[c], Enumerable.Repeat(1f, c).ToArray(),
            new float[x.Length], new float[x.Length], new float[c], new float[c]);
        BatchNormKernel.Forward(n, c, inner, x, gamma, beta, Eps, Momentum, r.RunningMean, r.RunningVar, r.Mean, r.InvStd, r.Y);
        BatchNormKernel.Backward(n, c, inner, x, g, gamma, r.Mean, r.InvStd, r.Gx, r.GGamma, r.GBeta);
        return r;
    }

    // Training-mode batch norm and its gradients, every sum in double.
    private static Result Reference(int n, int c, int inner, float[] x, float[] g, float[] gamma, float[] beta)
    {
        var r = new Result(new float[c], new float[c], new float[c], new float[c], new float[x.Length], new float[x.Length], new float[c], new float[c]);
        int m = n * inner;
        for (int ch = 0; ch < c; ch++)
        {
            var at = Enumerable.Range(0, n).SelectMany(s => Enumerable.Range((s * c + ch) * inner, inner)).ToArray();
            double mean = at.Average(i => (double)x[i]);
            double variance = at.Average(i => (x[i] - mean) * (x[i] - mean));
            double invStd = 1 / Math.Sqrt(variance + Eps);
            double gMean = at.Average(i => (double)g[i]);
            double gXhatMean = at.Average(i => g[i] * (x[i] - mean) * invStd);
            foreach (var i in at)
            {
                double xhat = (x[i] - mean) * invStd;
                r.Y[i] = (float)(xhat * gamma[ch] + beta[ch]);
                r.Gx[i] = (float)(gamma[ch] * invStd * (g[i] - gMean - xhat * gXhatMean));
            }
            (r.Mean[ch], r.InvStd[ch]) = ((float)mean, (float)invStd);
            r.RunningMean[ch] = (float)(Momentum * mean);
            r.RunningVar[ch] = (float)((1 - Momentum) + Momentum * variance * m / (m - 1));
            (r.GGamma[ch], r.GBeta[ch]) = ((float)(gXhatMean * m), (float)(gMean * m));
        }
        return r;
    }

    // Within tolerance of the largest expected magnitude: a sum's rounding scales with its terms, not with its result.
    private static void AssertClose(string what, float[] expected, float[] actual, double tolerance)
    {
        double scale = Math.Max(1e-3, expected.Max(v => Math.Abs((double)v)));
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * scale,
                $"{what} {i}: expected {expected[i]} but got {actual[i]} (tolerance {tolerance * scale})");
    }
}

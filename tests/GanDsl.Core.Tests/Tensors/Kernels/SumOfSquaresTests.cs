using GanDsl.Tensors;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Core.Tests.Tensors.Kernels;

/// <summary>The gradient norm's sum of squares: the definition's bits on every path and thread count, and the exact sum's value.</summary>
[Collection(nameof(GemmSerial))]
public class SumOfSquaresTests
{
    // The definition written out again: chunks of 32768 values per gradient, 32 lanes per chunk (lane l takes offsets
    // l, l + 32, … in order), lanes added 0 to 31, chunk sums added in order.
    private static double Definition(IEnumerable<float[]> gradients)
    {
        double total = 0;
        foreach (var g in gradients)
            for (int start = 0; start < g.Length; start += 32768)
            {
                int length = Math.Min(32768, g.Length - start);
                var lanes = new double[32];
                for (int i = 0; i < length; i++) lanes[i % 32] += (double)g[start + i] * g[start + i];
                double chunk = 0;
                foreach (var lane in lanes) chunk += lane;
                total += chunk;
            }
        return total;
    }

    private static Tensor ParameterWithGradient(int size, int seed)
    {
        var p = Tensor.Zeros(size).RequireGrad();
        p.Grad = Tensor.Zeros(size);
        new Rng((ulong)seed).FillUniform(p.Grad.Data, -2f, 2f);
        return p;
    }

    [Fact]
    public void EveryPathAndThreadCountGivesTheDefinitionsBits()
    {
        // Sizes with ragged tails, one under a lane row, several chunks; a parameter without a gradient in between.
        var parameters = new List<Tensor>
        {
            ParameterWithGradient(100_003, 1), ParameterWithGradient(31, 2), Tensor.Zeros(50).RequireGrad(),
            ParameterWithGradient(65_536 + 7, 3), ParameterWithGradient(4_096, 4),
        };
        double expected = Definition(parameters.Where(p => p.Grad is not null).Select(p => p.Grad!.Data));

        foreach (var width in Enum.GetValues<VectorWidth>())
        foreach (var threads in new[] { 1, 2, 3 })
        {
            using var scope = KernelSettings.Override(width, threads);
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(new SumOfSquares().OfGradients(parameters)));
        }
    }

    [Fact]
    public void TheSumIsTheExactSumToDoublePrecision()
    {
        var parameters = new List<Tensor> { ParameterWithGradient(300_001, 7), ParameterWithGradient(1_000, 8) };
        // Near exact: each square is exact in double, decimal keeps 15 digits of it and adds them with 28.
        decimal exact = 0;
        foreach (var p in parameters)
            foreach (var v in p.Grad!.Data) exact += (decimal)((double)v * v);
        double sum = new SumOfSquares().OfGradients(parameters);
        Assert.InRange(Math.Abs(sum - (double)exact) / (double)exact, 0, 1e-13);
    }

    [Fact]
    public void NoGradientsSumToZeroAndADeferredZeroGradientCountsAsZero()
    {
        var squares = new SumOfSquares();
        Assert.Equal(0.0, squares.OfGradients([Tensor.Zeros(10).RequireGrad()]));
        var p = ParameterWithGradient(1_000, 9);
        Assert.True(squares.OfGradients([p]) > 0);
        p.ZeroGradDeferred(); // read through Grad: the buffer is cleared first
        Assert.Equal(0.0, squares.OfGradients([p]));
    }
}

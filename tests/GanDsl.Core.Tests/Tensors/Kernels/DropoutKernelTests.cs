using GanDsl.Autograd;
using GanDsl.Tensors;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Core.Tests.Tensors.Kernels;

/// <summary>Counter-based dropout masks: every vector width and thread count gives the definition's bits, and the draws are fair.</summary>
[Collection(nameof(GemmSerial))]
public class DropoutKernelTests
{
    // SplitMix64 written out again from its definition, independently of the kernel: the 64-bit mix of key + (j+1)·γ.
    private static ulong SplitMixAt(ulong key, ulong pair)
    {
        ulong z = unchecked(key + (pair + 1) * 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    [Theory]
    [InlineData(0.7f, 10_001)]    // ⌈p·2²⁴⌉ = p·2²⁴; odd length: a last lone element
    [InlineData(0.3f, 100_003)]   // p·2²⁴ not an integer (the threshold rounds up); several pool chunks and a ragged tail
    [InlineData(1e-7f, 4_097)]
    [InlineData(0.999999f, 40_000)]
    public void EveryPathAndThreadCountGivesTheDefinitionsBits(float probability, int length)
    {
        const ulong key = 0xD1B54A32D192ED03UL;
        var x = new float[length];
        new Rng(5).FillUniform(x, -3f, 3f);
        var expected = new float[length];
        for (int i = 0; i < length; i++)
        {
            ulong draw = SplitMixAt(key, (ulong)i / 2);
            uint u = (uint)(i % 2 == 0 ? draw : draw >> 32) >> 8;
            expected[i] = u * (1.0 / (1 << 24)) < probability ? 2.5f : -1f;
        }

        foreach (var width in Enum.GetValues<VectorWidth>())
        foreach (var threads in new[] { 1, 3 })
        {
            using var scope = KernelSettings.Override(width, threads);
            var (mask, y) = (new float[length], new float[length]);
            DropoutKernel.Fill(key, probability, 2.5f, -1f, mask, x, y);
            Assert.Equal(expected, mask);
            for (int i = 0; i < length; i++) Assert.Equal(x[i] * expected[i], y[i]);

            var alone = new float[length];
            DropoutKernel.Fill(key, probability, 2.5f, -1f, alone, default, default);
            Assert.Equal(expected, alone);
        }
    }

    [Fact]
    public void TheKeptFractionMatchesInEveryVectorLaneAndNeighboursAreIndependent()
    {
        const int length = 16 * 40_000;
        var mask = new float[length];
        DropoutKernel.Fill(12345, 0.7f, 1f, 0f, mask, default, default);
        // Each of the 16 lane positions holds 40 000 Bernoulli(0.7) trials: standard deviation 0.0023, so 0.01 is over four.
        for (int lane = 0; lane < 16; lane++)
        {
            double kept = 0;
            for (int i = lane; i < length; i += 16) kept += mask[i];
            Assert.InRange(kept / (length / 16), 0.69, 0.71);
        }
        // Both elements of a pair kept: 0.49 if the low and high halves of a draw are independent (sd 0.0009 over 320 000 pairs).
        double both = 0;
        for (int i = 0; i < length; i += 2) both += mask[i] * mask[i + 1];
        Assert.InRange(both / (length / 2), 0.486, 0.494);
    }

    [Fact]
    public void ADropoutCallTakesOneDrawAndDifferentKeysGiveDifferentMasks()
    {
        var x = Tensor.Full(1f, 50_000);
        var rng = new Rng(7);
        var twin = new Rng(7);
        var first = Ops.Dropout(x, 0.3, training: true, rng).Data.ToArray();
        var second = Ops.Dropout(x, 0.3, training: true, rng).Data.ToArray();
        twin.NextUInt64();
        twin.NextUInt64();
        Assert.Equal(twin.NextUInt64(), rng.NextUInt64()); // two masks, two draws, whatever their size
        int differ = first.Zip(second).Count(p => p.First != p.Second);
        Assert.InRange(differ, 18_000, 24_000); // two independent masks at p = 0.3 differ in 2·0.3·0.7 = 42 % of places

        var again = Ops.Dropout(x, 0.3, training: true, new Rng(7)).Data;
        Assert.Equal(first, again); // the same seed, the same mask
    }
}

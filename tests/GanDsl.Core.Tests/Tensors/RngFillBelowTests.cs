using GanDsl.Tensors;

namespace GanDsl.Core.Tests.Tensors;

public class RngFillBelowTests
{
    [Theory]
    [InlineData(0.7f, 10_001)]   // ⌈p·2²⁴⌉ = p·2²⁴: p has 24 significant bits at that exponent; odd length: a last lone draw
    [InlineData(0.3f, 10_000)]   // p·2²⁴ is not an integer: the threshold must round up
    [InlineData(1e-7f, 4_097)]
    [InlineData(0.999999f, 4_096)]
    public void Each_draw_decides_two_elements_exactly_on_its_two_24_bit_uniforms(float probability, int length)
    {
        var fast = new Rng(11);
        var slow = new Rng(11);
        var mask = new float[length];
        fast.FillBelow(mask, probability, 2.5f, -1f);

        static float Decide(ulong uniform24, float p) => uniform24 * (1.0f / (1 << 24)) < p ? 2.5f : -1f;
        for (int i = 0; i < length; i += 2)
        {
            ulong draw = slow.NextUInt64();
            Assert.Equal(Decide(draw >> 40, probability), mask[i]);
            if (i + 1 < length) Assert.Equal(Decide((draw >> 16) & 0xFFFFFF, probability), mask[i + 1]);
        }
        Assert.Equal(slow.NextUInt64(), fast.NextUInt64()); // the state moved on by the same number of draws
    }

    [Fact]
    public void The_kept_fraction_matches_the_probability_in_both_halves_of_the_draws()
    {
        var mask = new float[200_000];
        new Rng(3).FillBelow(mask, 0.7f, 1f, 0f);
        double even = 0, odd = 0;
        for (int i = 0; i < mask.Length; i += 2)
        {
            even += mask[i];
            odd += mask[i + 1];
        }
        // 100 000 Bernoulli(0.7) trials each: standard deviation 0.00145, so 0.006 is four of them.
        Assert.InRange(even / 100_000, 0.694, 0.706);
        Assert.InRange(odd / 100_000, 0.694, 0.706);
    }
}

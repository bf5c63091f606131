using GanDsl.Tensors;

namespace GanDsl.Core.Tests.Tensors;

public class RngFillBelowTests
{
    [Theory]
    [InlineData(0.7f)]   // ⌈p·2²⁴⌉ = p·2²⁴: p has 24 significant bits at that exponent
    [InlineData(0.3f)]   // p·2²⁴ is not an integer: the threshold must round up
    [InlineData(1e-7f)]
    [InlineData(0.999999f)]
    public void It_draws_and_decides_exactly_like_the_NextFloat_loop(float probability)
    {
        var fast = new Rng(11);
        var slow = new Rng(11);
        var mask = new float[10_001];
        fast.FillBelow(mask, probability, 2.5f, -1f);

        for (int i = 0; i < mask.Length; i++)
            Assert.Equal(slow.NextFloat() < probability ? 2.5f : -1f, mask[i]);
        Assert.Equal(slow.NextUInt64(), fast.NextUInt64()); // the state moved on by the same number of draws
    }
}

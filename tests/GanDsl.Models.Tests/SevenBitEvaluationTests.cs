using GanDsl.Tensors;

namespace GanDsl.Models.Tests;

public class SevenBitEvaluationTests
{
    private static Tensor Numbers(params int[] numbers)
    {
        var samples = new Tensor(new Shape(numbers.Length, SevenBitData.Bits));
        for (int i = 0; i < numbers.Length; i++) SevenBitData.ToBits(numbers[i], samples.Data.AsSpan(i * SevenBitData.Bits, SevenBitData.Bits));
        return samples;
    }

    [Fact]
    public void It_counts_the_even_numbers_and_the_distinct_even_ones()
    {
        var values = SevenBitEvaluation.Score(Numbers(0, 2, 2, 3, 126, 127, 64, 64));
        Assert.Equal(["even_fraction", "distinct_even"], values.Select(v => v.Key)); // the JSON keys, in order
        Assert.Equal(6.0 / 8, values[0].Value);
        Assert.Equal(4, values[1].Value); // 0, 2, 126, 64
    }

    [Fact]
    public void Digits_are_read_rounded_at_one_half()
    {
        var samples = new Tensor(new Shape(1, SevenBitData.Bits), [0.9f, 0.1f, 0.4f, 0.6f, 0.5f, 0.49f, 0.51f]); // 1001101 = 77
        Assert.Equal(77, SevenBitData.FromBits(samples.Data));
        Assert.Equal(0.0, SevenBitEvaluation.Score(samples)[0].Value);
    }
}

using GanDsl.Tensors;

namespace GanDsl.Models;

/// <summary>The seven-bit toy's own quality measure: how many generated numbers are even, and how many distinct even ones.</summary>
public static class SevenBitEvaluation
{
    public static ModelEvaluation Measure { get; } = new(DefaultSamples: 1000, Score);

    /// <summary><c>even_fraction</c> and <c>distinct_even</c> of samples [N, 7], each digit rounded at 0.5.</summary>
    public static IReadOnlyList<KeyValuePair<string, double>> Score(Tensor samples)
    {
        int count = samples.Shape[0];
        int even = 0;
        var distinct = new HashSet<int>();
        for (int i = 0; i < count; i++)
        {
            int number = SevenBitData.FromBits(samples.Data.AsSpan(i * SevenBitData.Bits, SevenBitData.Bits));
            if (number % 2 != 0) continue;
            even++;
            distinct.Add(number);
        }
        return [new("even_fraction", (double)even / count), new("distinct_even", distinct.Count)];
    }
}

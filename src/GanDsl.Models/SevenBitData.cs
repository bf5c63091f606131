using GanDsl.Training;

namespace GanDsl.Models;

/// <summary>
/// The seven-bit toy data, generated in code: even numbers 0…126 written as 7 binary digits (most significant first), each
/// digit 0 or 1, drawn uniformly. The generator must learn to emit only even numbers without collapsing to one of them.
/// </summary>
public sealed class SevenBitData : ITrainingData
{
    public const int Bits = 7;
    private readonly int[] _numbers;

    public SevenBitData(int count = 4096, ulong seed = 7)
    {
        var rng = new Tensors.Rng(seed);
        _numbers = new int[count];
        for (int i = 0; i < count; i++) _numbers[i] = 2 * rng.NextInt(64);
    }

    public int Count => _numbers.Length;
    public IReadOnlyList<int> SampleShape { get; } = new[] { Bits };
    public int Classes => 0;

    public void CopyBatch(ReadOnlySpan<int> indices, Span<float> samples, Span<int> labels)
    {
        for (int i = 0; i < indices.Length; i++)
        {
            ToBits(_numbers[indices[i]], samples.Slice(i * Bits, Bits));
            labels[i] = 0;
        }
    }

    public static void ToBits(int number, Span<float> digits)
    {
        for (int b = 0; b < Bits; b++) digits[b] = (number >> (Bits - 1 - b)) & 1;
    }

    /// <summary>Reads generated digits as a number, each digit rounded at 0.5.</summary>
    public static int FromBits(ReadOnlySpan<float> digits)
    {
        int n = 0;
        for (int b = 0; b < Bits; b++) n = (n << 1) | (digits[b] >= 0.5f ? 1 : 0);
        return n;
    }
}

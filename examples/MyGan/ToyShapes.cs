using GanDsl.Tensors;
using GanDsl.Training;

namespace MyGan;

/// <summary>
/// Pictures drawn in code when no folder is given: a coloured disc on a dark background, 3x32x32 in [-1, 1]. Sample i is
/// drawn from a random source seeded by i, so every epoch (and every run) sees the same pictures.
/// </summary>
public sealed class ToyShapes(int count = 2048) : ITrainingData
{
    private const int Size = 32;

    public int Count => count;
    public IReadOnlyList<int> SampleShape => [3, Size, Size];
    public int Classes => 0;

    public void CopyBatch(ReadOnlySpan<int> indices, Span<float> samples, Span<int> labels)
    {
        const int plane = Size * Size;
        for (int i = 0; i < indices.Length; i++)
        {
            var rng = new Rng((ulong)indices[i] + 1);
            float cx = 8 + 16 * rng.NextFloat(), cy = 8 + 16 * rng.NextFloat(), r = 5 + 6 * rng.NextFloat();
            Span<float> colour = [rng.NextFloat() * 2 - 1, rng.NextFloat() * 2 - 1, rng.NextFloat() * 2 - 1];
            var picture = samples.Slice(i * 3 * plane, 3 * plane);
            for (int y = 0; y < Size; y++)
            for (int x = 0; x < Size; x++)
            {
                bool inside = (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r;
                for (int c = 0; c < 3; c++) picture[c * plane + y * Size + x] = inside ? colour[c] : -0.8f;
            }
        }
    }
}

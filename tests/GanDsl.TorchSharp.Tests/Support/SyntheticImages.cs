using GanDsl.Tensors;
using GanDsl.Training;

namespace GanDsl.TorchSharp.Tests.Support;

/// <summary>
/// Images in [−1, 1] held in memory: per class a blob at its own place plus noise, so a GAN has something to learn and
/// labels mean something. No download, no disk.
/// </summary>
internal sealed class SyntheticImages : ITrainingData
{
    private readonly float[] _pixels;
    private readonly int[] _labels;
    private readonly int _size;

    public SyntheticImages(int count, int side = 8, int classes = 0, ulong seed = 3)
    {
        (Count, Classes, SampleShape, _size) = (count, classes, [1, side, side], side * side);
        var rng = new Rng(seed);
        _pixels = new float[count * _size];
        _labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            _labels[i] = classes > 0 ? i % classes : 0;
            float cx = side * (0.3f + 0.4f * rng.NextFloat()), cy = side * (0.25f + 0.15f * (_labels[i] + 1));
            for (int y = 0; y < side; y++)
                for (int x = 0; x < side; x++)
                {
                    float d2 = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (side * side / 16f);
                    _pixels[i * _size + y * side + x] = Math.Clamp(2f * MathF.Exp(-d2) - 1f + 0.05f * rng.NextNormal(), -1f, 1f);
                }
        }
    }

    /// <summary>When set, every copied value is replaced by this (to make training diverge).</summary>
    public float? Poison { get; set; }

    public int Count { get; }
    public IReadOnlyList<int> SampleShape { get; }
    public int Classes { get; }

    public void CopyBatch(ReadOnlySpan<int> indices, Span<float> samples, Span<int> labels)
    {
        for (int i = 0; i < indices.Length; i++)
        {
            _pixels.AsSpan(indices[i] * _size, _size).CopyTo(samples.Slice(i * _size, _size));
            if (Classes > 0) labels[i] = _labels[indices[i]];
        }
        if (Poison is { } p) samples[..(indices.Length * _size)].Fill(p);
    }
}

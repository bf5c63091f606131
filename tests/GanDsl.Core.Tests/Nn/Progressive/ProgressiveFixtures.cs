using GanDsl.Nn.Progressive;
using GanDsl.Shapes;
using GanDsl.Tensors;
using GanDsl.Training;

namespace GanDsl.Core.Tests.Nn.Progressive;

/// <summary>A small progressive GAN on 1x8x8 images built from runtime blocks: 2x2 → 4x4 → 8x8.</summary>
internal static class TinyProgressive
{
    public static ProgressiveGenerator Generator(ulong seed = 1) => new(
    [
        new StackBlock([6], [LayerSpec.Linear(16), LayerSpec.LeakyReLU(0.2), LayerSpec.Reshape(4, 2, 2)], seed),
        new StackBlock([4, 2, 2], [LayerSpec.Upsample(2), LayerSpec.Conv2d(3, 3, 1, 1), LayerSpec.BatchNorm2d(), LayerSpec.LeakyReLU(0.2)], seed + 1),
        new StackBlock([3, 4, 4], [LayerSpec.Upsample(2), LayerSpec.Conv2d(2, 3, 1, 1), LayerSpec.LeakyReLU(0.2)], seed + 2),
    ], seed: seed + 3);

    public static ProgressiveDiscriminator Discriminator(ulong seed = 11, bool sigmoid = false) => new(
    [
        new StackBlock([4, 2, 2], sigmoid ? [LayerSpec.Flatten(), LayerSpec.Linear(1), LayerSpec.Sigmoid()] : [LayerSpec.Flatten(), LayerSpec.Linear(1)], seed),
        new StackBlock([3, 4, 4], [LayerSpec.Conv2d(4, 3, 1, 1), LayerSpec.LeakyReLU(0.2), LayerSpec.Dropout(0.2), LayerSpec.MaxPool2d(2)], seed + 1),
        new StackBlock([2, 8, 8], [LayerSpec.Conv2d(3, 3, 1, 1), LayerSpec.LeakyReLU(0.2), LayerSpec.MaxPool2d(2)], seed + 2),
    ], seed: seed + 3);

    public static ProgressiveGan Gan(ProgressiveSchedule schedule, ulong seed = 1) => new(Generator(seed), Discriminator(seed + 10), schedule);
}

/// <summary>1x8x8 images in [−1, 1]: soft blobs at a few positions plus noise.</summary>
internal sealed class TinyImages : ITrainingData
{
    private readonly float[] _pixels;

    public TinyImages(int count, ulong seed = 5)
    {
        Count = count;
        _pixels = new float[count * 64];
        var rng = new Rng(seed);
        for (int i = 0; i < count; i++)
            for (int y = 0; y < 8; y++)
                for (int x = 0; x < 8; x++)
                {
                    float d = (x - i % 5 - 1.5f) * (x - i % 5 - 1.5f) + (y - 3.5f) * (y - 3.5f);
                    _pixels[i * 64 + y * 8 + x] = Math.Clamp(2f * MathF.Exp(-d / 4f) - 1f + 0.05f * rng.NextNormal(), -1f, 1f);
                }
    }

    public int Count { get; }
    public IReadOnlyList<int> SampleShape { get; } = [1, 8, 8];
    public int Classes => 0;

    public void CopyBatch(ReadOnlySpan<int> indices, Span<float> samples, Span<int> labels)
    {
        for (int i = 0; i < indices.Length; i++) _pixels.AsSpan(indices[i] * 64, 64).CopyTo(samples.Slice(i * 64, 64));
    }
}

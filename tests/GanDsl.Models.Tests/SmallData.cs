using GanDsl.Data;
using GanDsl.Tensors;
using GanDsl.Training;

namespace GanDsl.Models.Tests;

/// <summary>A few samples for a few training steps of any reference model: its own generated data, or labelled noise images.</summary>
internal static class SmallData
{
    /// <summary>
    /// The model's own data, or 32 noise images of the generator's output shape (1x28x28, 3x64x64 for dcgan64), enough for
    /// one step of batch 8 even with 4 critic steps (40 with sngan's 5).
    /// </summary>
    public static ITrainingData For(ReferenceModel model)
    {
        if (model.GeneratedData is { } generate) return generate();
        var shape = model.GeneratorSummary.OutputShape;
        return Images(Math.Max(32, 8 * model.Config.CriticSteps), channels: shape[0], height: shape[1], width: shape[2]);
    }

    /// <summary><paramref name="count"/> images (1x28x28 unless told) of uniform noise in [−1, 1], labelled 0…9 in turn.</summary>
    public static ITrainingData Images(int count, ulong seed = 3, int channels = 1, int height = 28, int width = 28)
    {
        var images = new float[count * channels * height * width];
        new Rng(seed).FillUniform(images, -1f, 1f);
        return Dataset.Create("synthetic", images, Enumerable.Range(0, count).Select(i => i % 10).ToArray(), channels, height, width, 10);
    }
}

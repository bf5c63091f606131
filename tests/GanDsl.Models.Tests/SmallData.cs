using GanDsl.Data;
using GanDsl.Tensors;
using GanDsl.Training;

namespace GanDsl.Models.Tests;

/// <summary>A few samples for a few training steps of any reference model: its own generated data, or labelled noise images.</summary>
internal static class SmallData
{
    /// <summary>The model's own data, or 32 noise images, enough for one step of batch 8 even with 4 critic steps (40 with sngan's 5).</summary>
    public static ITrainingData For(ReferenceModel model) =>
        model.GeneratedData is { } generate ? generate() : Images(Math.Max(32, 8 * model.Config.CriticSteps));

    /// <summary><paramref name="count"/> 1x28x28 images of uniform noise in [−1, 1], labelled 0…9 in turn.</summary>
    public static ITrainingData Images(int count, ulong seed = 3)
    {
        var images = new float[count * 28 * 28];
        new Rng(seed).FillUniform(images, -1f, 1f);
        return Dataset.Create("synthetic", images, Enumerable.Range(0, count).Select(i => i % 10).ToArray(), 1, 28, 28, 10);
    }
}

using GanDsl.Evaluation;
using GanDsl.Tensors;

namespace GanDsl.Core.Tests.Evaluation;

/// <summary>Seeded synthetic data for the evaluation tests: Gaussian features, random matrices and easy 28x28 images.</summary>
internal static class Synthetic
{
    /// <summary><paramref name="count"/> samples of N(<paramref name="mean"/>, diag(<paramref name="std"/>²)).</summary>
    public static FeatureMatrix Gaussian(Rng rng, int count, double[] mean, double[] std)
    {
        int d = mean.Length;
        var data = new double[count * d];
        for (int i = 0; i < count; i++)
            for (int j = 0; j < d; j++) data[i * d + j] = mean[j] + std[j] * rng.NextNormal();
        return new FeatureMatrix(count, d, data);
    }

    public static double[,] RandomSymmetric(Rng rng, int n, double scale = 1)
    {
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) a[i, j] = a[j, i] = scale * (2 * rng.NextDouble() - 1);
        return a;
    }

    /// <summary>A random symmetric positive definite matrix B Bᵀ + εI.</summary>
    public static double[,] RandomSpd(Rng rng, int n)
    {
        var b = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) b[i, j] = rng.NextNormal();
        var s = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = i == j ? 0.1 : 0;
                for (int k = 0; k < n; k++) sum += b[i, k] * b[j, k];
                s[i, j] = sum / n;
            }
        return s;
    }

    public const int ClassCount = 4;

    /// <summary>
    /// Images in [−1, 1] of <see cref="ClassCount"/> classes: class c lights a 10x10 block in quadrant c of a noisy dark
    /// background, so even a tiny CNN separates them in a few steps.
    /// </summary>
    public static (float[] Images, int[] Labels) Quadrants(int count, ulong seed, int[]? classes = null)
    {
        var rng = new Rng(seed);
        classes ??= Enumerable.Range(0, ClassCount).ToArray();
        var images = new float[count * DomainClassifier.ImageSize];
        var labels = new int[count];
        for (int n = 0; n < count; n++)
        {
            int c = labels[n] = classes[n % classes.Length];
            int top = 2 + (c / 2) * 14 + rng.NextInt(3), left = 2 + (c % 2) * 14 + rng.NextInt(3);
            var image = images.AsSpan(n * DomainClassifier.ImageSize, DomainClassifier.ImageSize);
            for (int i = 0; i < image.Length; i++) image[i] = -1f + 0.3f * rng.NextFloat();
            for (int y = top; y < top + 10; y++)
                for (int x = left; x < left + 10; x++) image[y * 28 + x] = 1f - 0.3f * rng.NextFloat();
        }
        return (images, labels);
    }

    /// <summary>A small architecture for tests: the default shape of network, narrower, with four classes.</summary>
    public static ClassifierArchitecture TinyArchitecture { get; } = new(Conv1Channels: 4, Conv2Channels: 8, Hidden: 16, Classes: ClassCount);
}

using GanDsl.Data;

namespace GanDsl.Cli.Tests.Evaluation;

/// <summary>
/// A hermetic stand-in for Fashion-MNIST in IDX format (train and t10k files, 10 classes of 28x28 u8 images): class c lights
/// an 8x8 block at one of ten places on a noisy background, so a tiny classifier learns it in a few steps.
/// </summary>
internal static class TinyDataset
{
    public const int Classes = 10;

    /// <summary>The environment that makes gandsl train a tiny, fast classifier (see ClassifierSettings in the CLI).</summary>
    public static IReadOnlyDictionary<string, string> TinyClassifier { get; } = new Dictionary<string, string>
    {
        ["GANDSL_CLASSIFIER_WIDTHS"] = "4,8,16",
        ["GANDSL_CLASSIFIER_EPOCHS"] = "3",
    };

    /// <summary>Writes the four files into <paramref name="folder"/> and returns it.</summary>
    public static string Write(string folder, int train = 600, int test = 200)
    {
        Directory.CreateDirectory(folder);
        var (trainImages, trainLabels) = Images(train, seed: 1);
        var (testImages, testLabels) = Images(test, seed: 2);
        IdxWriter.WriteImages(Path.Combine(folder, "train-images-idx3-ubyte"), trainImages, train, 28, 28);
        IdxWriter.WriteLabels(Path.Combine(folder, "train-labels-idx1-ubyte"), trainLabels);
        IdxWriter.WriteImages(Path.Combine(folder, "t10k-images-idx3-ubyte"), testImages, test, 28, 28);
        IdxWriter.WriteLabels(Path.Combine(folder, "t10k-labels-idx1-ubyte"), testLabels);
        return folder;
    }

    public static (byte[] Pixels, byte[] Labels) Images(int count, int seed, Func<int, int>? classOf = null)
    {
        var random = new Random(seed);
        var pixels = new byte[count * 28 * 28];
        var labels = new byte[count];
        for (int n = 0; n < count; n++)
        {
            int c = classOf?.Invoke(n) ?? n % Classes;
            labels[n] = (byte)c;
            var image = pixels.AsSpan(n * 784, 784);
            for (int i = 0; i < image.Length; i++) image[i] = (byte)random.Next(0, 40);
            int top = 2 + (c / 5) * 13 + random.Next(3), left = 1 + (c % 5) * 5 + random.Next(2);
            for (int y = top; y < top + 8; y++)
                for (int x = left; x < Math.Min(28, left + 5); x++) image[y * 28 + x] = (byte)random.Next(215, 256);
        }
        return (pixels, labels);
    }
}

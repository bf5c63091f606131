namespace GanDsl.Images.Tests.Support;

/// <summary>Reads a dataset back for assertions.</summary>
internal static class Samples
{
    /// <summary>The stored bytes of sample <paramref name="index"/>.</summary>
    public static byte[] Bytes(ImageFolderDataset data, int index = 0)
    {
        var bytes = new byte[data.SampleShape[0] * data.SampleShape[1] * data.SampleShape[2]];
        data.CopyPixels(index, bytes);
        return bytes;
    }

    /// <summary>
    /// Loads a folder holding only <paramref name="file"/> (named <paramref name="name"/>) as [C, H, W] samples, with
    /// options <paramref name="adjust"/> changes, and returns the one sample's stored bytes.
    /// </summary>
    public static byte[] OfOneFile(string name, byte[] file, int channels, int height, int width,
        Func<ImageFolderOptions, ImageFolderOptions>? adjust = null)
    {
        using var scratch = new Scratch();
        scratch.Put(name, file);
        using var data = scratch.Load(channels, height, width, adjust is null ? null : adjust(scratch.Options));
        Assert.Equal(1, data.Count);
        return Bytes(data);
    }

    /// <summary>Every sample's values and labels through <see cref="GanDsl.Training.ITrainingData.CopyBatch"/>.</summary>
    public static (float[] Values, int[] Labels) All(ImageFolderDataset data)
    {
        int size = data.SampleShape[0] * data.SampleShape[1] * data.SampleShape[2];
        var values = new float[data.Count * size];
        var labels = new int[data.Count];
        data.CopyBatch(Enumerable.Range(0, data.Count).ToArray(), values, labels);
        return (values, labels);
    }

    /// <summary>The message is one sentence (one line, one final full stop, no ". X" inside).</summary>
    public static void AssertOneSentence(string message)
    {
        Assert.DoesNotContain('\n', message);
        Assert.EndsWith(".", message);
        Assert.False(System.Text.RegularExpressions.Regex.IsMatch(message, @"\.\s+[A-Z]"), $"Expected one sentence but got: {message}");
    }
}

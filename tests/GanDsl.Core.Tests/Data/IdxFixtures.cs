using GanDsl.Data;

namespace GanDsl.Core.Tests.Data;

/// <summary>Small synthetic IDX content for tests.</summary>
internal static class IdxFixtures
{
    public static byte[] Pixels(int count, int height, int width, int salt = 0)
    {
        var pixels = new byte[count * height * width];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = (byte)((i * 31 + salt * 7) % 256);
        return pixels;
    }

    public static byte[] Labels(int count, int classes = 10, int salt = 0)
    {
        var labels = new byte[count];
        for (int i = 0; i < count; i++) labels[i] = (byte)((i + salt) % classes);
        return labels;
    }

    /// <summary>Writes an image file and a label file of <paramref name="count"/> samples; returns their paths.</summary>
    public static (string Images, string Labels) WritePair(string folder, string imagesName, string labelsName,
        int count, int height = 4, int width = 4, int salt = 0)
    {
        string images = Path.Combine(folder, imagesName);
        string labels = Path.Combine(folder, labelsName);
        IdxWriter.WriteImages(images, Pixels(count, height, width, salt), count, height, width);
        IdxWriter.WriteLabels(labels, Labels(count, salt: salt));
        return (images, labels);
    }
}

using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using GanDsl.IO;

namespace GanDsl.Data;

/// <summary>
/// Writes IDX files in MNIST's format (u8 images N×H×W, u8 labels N). A path ending in ".gz" is gzip-compressed.
/// The file is written atomically (<see cref="AtomicFile"/>), so a reader never sees half a file.
/// </summary>
public static class IdxWriter
{
    /// <summary>Writes <paramref name="count"/> images of <paramref name="height"/>×<paramref name="width"/> byte pixels (row-major, image after image).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="pixels"/> does not hold count·height·width bytes.</exception>
    public static void WriteImages(string path, ReadOnlySpan<byte> pixels, int count, int height, int width)
    {
        if (count <= 0 || height <= 0 || width <= 0)
            throw new ArgumentOutOfRangeException(nameof(count), "Image count, height and width must all be positive.");
        if (pixels.Length != (long)count * height * width)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{count} images of {height}x{width} need {(long)count * height * width} pixels but {pixels.Length} were given."), nameof(pixels));
        Span<byte> header = stackalloc byte[16];
        BinaryPrimitives.WriteInt32BigEndian(header, IdxReader.ImagesMagic);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], count);
        BinaryPrimitives.WriteInt32BigEndian(header[8..], height);
        BinaryPrimitives.WriteInt32BigEndian(header[12..], width);
        Write(path, header, pixels);
    }

    /// <summary>
    /// Writes images given as floats in [-1, 1] (a generator's tanh output, or <see cref="Dataset.Images"/>),
    /// mapped back to bytes with (x + 1) · 127.5, rounded and clamped.
    /// </summary>
    public static void WriteImages(string path, ReadOnlySpan<float> scaled, int count, int height, int width)
    {
        var pixels = new byte[scaled.Length];
        for (int i = 0; i < scaled.Length; i++) pixels[i] = ToByte(scaled[i]);
        WriteImages(path, pixels, count, height, width);
    }

    /// <summary>Writes one byte label per image.</summary>
    /// <exception cref="ArgumentException"><paramref name="labels"/> is empty.</exception>
    public static void WriteLabels(string path, ReadOnlySpan<byte> labels)
    {
        if (labels.IsEmpty) throw new ArgumentException("A label file needs at least one label.", nameof(labels));
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteInt32BigEndian(header, IdxReader.LabelsMagic);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], labels.Length);
        Write(path, header, labels);
    }

    /// <summary>The inverse of the dataset scaling x / 127.5 - 1; NaN maps to 0.</summary>
    public static byte ToByte(float value)
    {
        float v = MathF.Round((value + 1f) * 127.5f);
        return v >= 255f ? (byte)255 : v > 0f ? (byte)v : (byte)0;
    }

    private static void Write(string path, ReadOnlySpan<byte> header, ReadOnlySpan<byte> data)
    {
        using var file = AtomicFile.Begin(path);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            using var gzip = new GZipStream(file.Stream, CompressionLevel.Optimal, leaveOpen: true);
            gzip.Write(header);
            gzip.Write(data);
        }
        else
        {
            file.Stream.Write(header);
            file.Stream.Write(data);
        }
        file.Commit();
    }
}

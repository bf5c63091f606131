using GanDsl.IO;

namespace GanDsl.Imaging;

/// <summary>Writes 8-bit grayscale and RGB PNG files (non-interlaced, adaptive row filters, zlib from the base library).</summary>
public static class Png
{
    /// <summary>Writes <paramref name="image"/> as a complete PNG to <paramref name="stream"/> (left open).</summary>
    public static void Write(Stream stream, GridImage image)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(image);
        image.Validate();
        stream.Write(PngChunks.Signature);
        PngChunks.WriteHeader(stream, image.Width, image.Height, image.Channels);
        PngChunks.Write(stream, "IDAT", PngChunks.CompressImage(image));
        PngChunks.WriteEnd(stream);
    }

    /// <summary>
    /// Writes <paramref name="image"/> to <paramref name="path"/> atomically (temporary file in the same folder,
    /// then a rename), creating the folder if needed.
    /// </summary>
    public static void WriteFile(string path, GridImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        image.Validate(); // fail before touching the disk
        AtomicFile.Write(path, stream => Write(stream, image));
    }

    /// <summary>The PNG file's bytes.</summary>
    public static byte[] Encode(GridImage image)
    {
        using var buffer = new MemoryStream();
        Write(buffer, image);
        return buffer.ToArray();
    }
}

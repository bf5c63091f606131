using System.Buffers.Binary;
using System.IO.Compression;

namespace GanDsl.Imaging;

/// <summary>
/// Reads back the PNGs GanDsl writes (8-bit grayscale or RGB, not interlaced; the first frame of an animated PNG), so a
/// resumed run can rebuild its evolution animation from the sample grids already on disk.
/// </summary>
public static class PngReader
{
    private static readonly byte[] Signature = { 137, 80, 78, 71, 13, 10, 26, 10 };

    /// <summary>Reads the PNG at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not an 8-bit grey or RGB, non-interlaced PNG; the message names the file.</exception>
    public static GridImage ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            return Read(stream);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException)
        {
            throw new InvalidDataException($"{path} is not a PNG GanDsl can read: {e.Message}", e);
        }
    }

    /// <summary>Reads a PNG from <paramref name="stream"/>, from its signature to its end chunk.</summary>
    /// <exception cref="InvalidDataException">The data is not an 8-bit grey or RGB, non-interlaced PNG.</exception>
    /// <exception cref="EndOfStreamException">The stream ends before the PNG does.</exception>
    public static GridImage Read(Stream stream)
    {
        var reader = new BinaryReader(stream);
        if (!reader.ReadBytes(8).AsSpan().SequenceEqual(Signature)) throw new InvalidDataException("the PNG signature is missing.");
        int width = 0, height = 0, channels = 0;
        using var compressed = new MemoryStream();
        while (true)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(reader.ReadBytes(4));
            string type = System.Text.Encoding.ASCII.GetString(reader.ReadBytes(4));
            var data = reader.ReadBytes(length);
            if (data.Length != length) throw new EndOfStreamException("the file ends inside a chunk.");
            reader.ReadBytes(4); // CRC: checked by independent decoders in the tests
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(4));
                if (data[8] != 8 || data[12] != 0 || (data[9] != 0 && data[9] != 2))
                    throw new InvalidDataException("only 8-bit, non-interlaced grayscale or RGB images are supported.");
                channels = data[9] == 0 ? 1 : 3;
            }
            else if (type == "IDAT") compressed.Write(data);
            else if (type == "IEND") break;
        }
        if (channels == 0) throw new InvalidDataException("the IHDR chunk is missing.");
        compressed.Position = 0;
        using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);
        return new GridImage(width, height, channels, Unfilter(raw.ToArray(), width, height, channels));
    }

    private static byte[] Unfilter(byte[] raw, int width, int height, int bpp)
    {
        int stride = width * bpp;
        if (raw.Length != height * (stride + 1)) throw new InvalidDataException("the image data has the wrong length.");
        var pixels = new byte[height * stride];
        for (int y = 0; y < height; y++)
        {
            byte filter = raw[y * (stride + 1)];
            var line = raw.AsSpan(y * (stride + 1) + 1, stride);
            var current = pixels.AsSpan(y * stride, stride);
            var previous = y > 0 ? pixels.AsSpan((y - 1) * stride, stride) : Span<byte>.Empty;
            for (int x = 0; x < stride; x++)
            {
                int a = x >= bpp ? current[x - bpp] : 0, b = y > 0 ? previous[x] : 0, c = x >= bpp && y > 0 ? previous[x - bpp] : 0;
                int predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => PngFilter.Paeth(a, b, c),
                    _ => throw new InvalidDataException($"unknown filter type {filter}."),
                };
                current[x] = (byte)(line[x] + predictor);
            }
        }
        return pixels;
    }
}

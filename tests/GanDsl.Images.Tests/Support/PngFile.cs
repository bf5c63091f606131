using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace GanDsl.Images.Tests.Support;

/// <summary>
/// A minimal PNG writer for test images in every colour type and bit depth (SkiaSharp's encoder cannot write palette or
/// 16-bit files): unfiltered rows, one IDAT, optional PLTE and tRNS.
/// </summary>
internal static class PngFile
{
    public const byte Gray = 0, Rgb = 2, Palette = 3, GrayAlpha = 4, Rgba = 6;

    /// <summary>A PNG from packed rows (no filter byte; 16-bit samples big-endian).</summary>
    public static byte[] Encode(int width, int height, byte colourType, byte bitDepth, byte[] rows,
        byte[]? palette = null, byte[]? transparency = null)
    {
        int rowBytes = (width * SamplesPerPixel(colourType) * bitDepth + 7) / 8;
        Assert.Equal(rowBytes * height, rows.Length);
        var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = bitDepth;
        header[9] = colourType;
        Chunk(output, "IHDR", header);
        if (palette is not null) Chunk(output, "PLTE", palette);
        if (transparency is not null) Chunk(output, "tRNS", transparency);
        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            for (int y = 0; y < height; y++)
            {
                zlib.WriteByte(0); // filter: none
                zlib.Write(rows, y * rowBytes, rowBytes);
            }
        Chunk(output, "IDAT", compressed.ToArray());
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>8-bit samples, row-major, in the colour type's channel order.</summary>
    public static byte[] Bytes8(int width, int height, byte colourType, params byte[] samples) =>
        Encode(width, height, colourType, 8, samples);

    /// <summary>16-bit samples, row-major, in the colour type's channel order.</summary>
    public static byte[] Bytes16(int width, int height, byte colourType, params ushort[] samples)
    {
        var rows = new byte[samples.Length * 2];
        for (int i = 0; i < samples.Length; i++) BinaryPrimitives.WriteUInt16BigEndian(rows.AsSpan(2 * i), samples[i]);
        return Encode(width, height, colourType, 16, rows);
    }

    private static int SamplesPerPixel(byte colourType) => colourType switch
    {
        Gray or Palette => 1,
        GrayAlpha => 2,
        Rgb => 3,
        Rgba => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(colourType)),
    };

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        output.Write(typeAndData);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.HashToUInt32(typeAndData));
        output.Write(crc);
    }
}

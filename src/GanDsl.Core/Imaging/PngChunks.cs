using System.Buffers.Binary;
using System.IO.Compression;

namespace GanDsl.Imaging;

/// <summary>The pieces shared by the still and the animated PNG writers: signature, chunks, IHDR, compressed image data.</summary>
internal static class PngChunks
{
    public static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Writes length, type, data and the CRC over type and data.</summary>
    public static void Write(Stream stream, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)data.Length);
        for (int i = 0; i < 4; i++) header[4 + i] = (byte)type[i];
        stream.Write(header);
        stream.Write(data);
        uint crc = Crc32.Finish(Crc32.Update(Crc32.Update(0xFFFFFFFFu, header[4..]), data));
        Span<byte> tail = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(tail, crc);
        stream.Write(tail);
    }

    /// <summary>IHDR for an 8-bit, non-interlaced gray (colour type 0) or RGB (colour type 2) image.</summary>
    public static void WriteHeader(Stream stream, int width, int height, int channels)
    {
        Span<byte> ihdr = stackalloc byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr[4..], (uint)height);
        ihdr[8] = 8;                            // bit depth
        ihdr[9] = (byte)(channels == 1 ? 0 : 2); // colour type
        ihdr[10] = 0;                           // compression: deflate
        ihdr[11] = 0;                           // filter method 0
        ihdr[12] = 0;                           // no interlace
        Write(stream, "IHDR", ihdr);
    }

    /// <summary>The zlib stream of the filtered scanlines: the payload of IDAT (or of fdAT after its sequence number).</summary>
    public static byte[] CompressImage(GridImage image)
    {
        var filtered = PngFilter.FilterAll(image.Pixels, image.Width, image.Height, image.Channels);
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(filtered);
        return buffer.ToArray();
    }

    public static void WriteEnd(Stream stream) => Write(stream, "IEND", ReadOnlySpan<byte>.Empty);
}

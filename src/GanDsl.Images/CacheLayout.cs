using System.Buffers.Binary;
using System.Text;

namespace GanDsl.Images;

/// <summary>
/// The cache file's layout, little-endian: a 64-byte header, the samples (count x C x H x W bytes, so a sample's bytes
/// are one slice of the mapped file), then a trailer with each sample's label and the relative paths of skipped files.
/// The trailer comes last because which files are skipped is known only after decoding, and the samples are streamed.
/// </summary>
internal static class CacheLayout
{
    public const int HeaderSize = 64;
    private const int FormatVersion = 1;
    private static ReadOnlySpan<byte> Magic => "GDIMAGES"u8;

    /// <summary>The header fields, in file order after the magic and version.</summary>
    public readonly record struct Header(int Count, SampleFormat Format, int Classes, long TrailerLength)
    {
        public long SamplesLength => (long)Count * Format.Size;
        public long FileLength => HeaderSize + SamplesLength + TrailerLength;
    }

    public static byte[] WriteHeader(Header header)
    {
        var bytes = new byte[HeaderSize];
        Magic.CopyTo(bytes);
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], FormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(span[12..], header.Count);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], header.Format.Channels);
        BinaryPrimitives.WriteInt32LittleEndian(span[20..], header.Format.Height);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], header.Format.Width);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], header.Classes);
        BinaryPrimitives.WriteInt64LittleEndian(span[32..], header.TrailerLength);
        return bytes;
    }

    /// <summary>The header, or null when the bytes are not a cache file of this version.</summary>
    public static Header? ReadHeader(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderSize || !bytes[..8].SequenceEqual(Magic)) return null;
        if (BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]) != FormatVersion) return null;
        int count = BinaryPrimitives.ReadInt32LittleEndian(bytes[12..]);
        var format = new SampleFormat(BinaryPrimitives.ReadInt32LittleEndian(bytes[16..]),
            BinaryPrimitives.ReadInt32LittleEndian(bytes[20..]), BinaryPrimitives.ReadInt32LittleEndian(bytes[24..]));
        int classes = BinaryPrimitives.ReadInt32LittleEndian(bytes[28..]);
        long trailer = BinaryPrimitives.ReadInt64LittleEndian(bytes[32..]);
        if (count < 1 || format.Channels < 1 || format.Height < 1 || format.Width < 1 || classes < 0 || trailer < 0) return null;
        return new Header(count, format, classes, trailer);
    }

    /// <summary>The trailer: labels as int32, then the number of skipped files and each relative path as length + UTF-8.</summary>
    public static byte[] WriteTrailer(IReadOnlyList<int> labels, IReadOnlyList<string> skipped)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            foreach (int label in labels) writer.Write(label);
            writer.Write(skipped.Count);
            foreach (string path in skipped) writer.Write(path);
        }
        return buffer.ToArray();
    }

    /// <summary>Labels and skipped paths from the trailer, or null when it does not match the header.</summary>
    public static (int[] Labels, string[] Skipped)? ReadTrailer(byte[] trailer, Header header)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(trailer), Encoding.UTF8);
            var labels = new int[header.Count];
            for (int i = 0; i < labels.Length; i++)
            {
                labels[i] = reader.ReadInt32();
                if (labels[i] < 0 || (header.Classes > 0 && labels[i] >= header.Classes)) return null;
            }
            int skippedCount = reader.ReadInt32();
            if (skippedCount < 0 || skippedCount > trailer.Length) return null;
            var skipped = new string[skippedCount];
            for (int i = 0; i < skipped.Length; i++) skipped[i] = reader.ReadString();
            return reader.BaseStream.Position == trailer.Length ? (labels, skipped) : null;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException)
        {
            return null;
        }
    }
}

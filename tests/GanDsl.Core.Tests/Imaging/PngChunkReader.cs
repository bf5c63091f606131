using System.Buffers.Binary;

namespace GanDsl.Tests.Imaging;

/// <summary>A test-side PNG chunk lister (structure only; CRCs are checked by pngcheck and png_decode.py).</summary>
internal static class PngChunkReader
{
    public static List<(string Type, byte[] Data)> Read(byte[] file)
    {
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        Assert.Equal(signature, file[..8]);
        var chunks = new List<(string, byte[])>();
        int pos = 8;
        while (pos < file.Length)
        {
            int length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(pos)));
            var type = System.Text.Encoding.ASCII.GetString(file, pos + 4, 4);
            chunks.Add((type, file[(pos + 8)..(pos + 8 + length)]));
            pos += 12 + length;
        }
        Assert.Equal(file.Length, pos);
        return chunks;
    }

    public static uint U32(byte[] data, int offset) => BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(offset));

    public static ushort U16(byte[] data, int offset) => BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(offset));
}

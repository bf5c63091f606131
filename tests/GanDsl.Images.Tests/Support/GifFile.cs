namespace GanDsl.Images.Tests.Support;

/// <summary>
/// A GIF writer for test images (SkiaSharp does not encode GIF): a 256-colour global palette and one image per frame.
/// The LZW stream sends every pixel as a literal 9-bit code and a clear code before the table would outgrow 9 bits,
/// which every decoder reads although it compresses nothing.
/// </summary>
internal static class GifFile
{
    /// <summary>A GIF with the given palette (RGB triples, up to 256) and frames of palette indices, each width x height.</summary>
    public static byte[] Encode(int width, int height, byte[] palette, params byte[][] frames)
    {
        var output = new MemoryStream();
        output.Write("GIF89a"u8);
        WriteShort(output, width);
        WriteShort(output, height);
        output.WriteByte(0xF7); // global colour table of 2^(7+1) = 256 entries, 8 bits per primary
        output.WriteByte(0);    // background index
        output.WriteByte(0);    // aspect ratio
        var table = new byte[768];
        palette.CopyTo(table, 0);
        output.Write(table);
        foreach (var frame in frames)
        {
            output.WriteByte(0x2C); // image descriptor at (0, 0), full size, no local table
            WriteShort(output, 0);
            WriteShort(output, 0);
            WriteShort(output, width);
            WriteShort(output, height);
            output.WriteByte(0);
            output.WriteByte(8); // LZW minimum code size
            WriteSubBlocks(output, Lzw(frame));
        }
        output.WriteByte(0x3B); // trailer
        return output.ToArray();
    }

    private static byte[] Lzw(byte[] indices)
    {
        const int clear = 256, end = 257;
        var bits = new BitPacker();
        bits.Add(clear);
        int sinceClear = 0;
        foreach (byte index in indices)
        {
            if (sinceClear == 250) { bits.Add(clear); sinceClear = 0; } // the table stays below 512 entries
            bits.Add(index);
            sinceClear++;
        }
        bits.Add(end);
        return bits.ToArray();
    }

    private static void WriteSubBlocks(Stream output, byte[] data)
    {
        for (int i = 0; i < data.Length; i += 255)
        {
            int n = Math.Min(255, data.Length - i);
            output.WriteByte((byte)n);
            output.Write(data, i, n);
        }
        output.WriteByte(0);
    }

    private static void WriteShort(Stream output, int value)
    {
        output.WriteByte((byte)value);
        output.WriteByte((byte)(value >> 8));
    }

    /// <summary>9-bit codes packed least significant bit first, as GIF's LZW wants.</summary>
    private sealed class BitPacker
    {
        private readonly List<byte> _bytes = [];
        private int _buffer, _count;

        public void Add(int code)
        {
            _buffer |= code << _count;
            _count += 9;
            while (_count >= 8)
            {
                _bytes.Add((byte)_buffer);
                _buffer >>= 8;
                _count -= 8;
            }
        }

        public byte[] ToArray()
        {
            if (_count > 0) _bytes.Add((byte)_buffer);
            return [.. _bytes];
        }
    }
}

using System.Buffers.Binary;

namespace GanDsl.Images.Tests.Support;

/// <summary>A 24-bit uncompressed BMP writer (SkiaSharp decodes BMP but does not encode it).</summary>
internal static class BmpFile
{
    /// <summary>A BMP from RGB pixels, row-major top row first (the file stores rows bottom-up, padded to 4 bytes, as BGR).</summary>
    public static byte[] Encode(int width, int height, byte[] rgb)
    {
        int stride = (width * 3 + 3) & ~3;
        var file = new byte[54 + stride * height];
        var span = file.AsSpan();
        span[0] = (byte)'B';
        span[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(span[2..], file.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span[10..], 54);     // pixel data offset
        BinaryPrimitives.WriteInt32LittleEndian(span[14..], 40);     // BITMAPINFOHEADER
        BinaryPrimitives.WriteInt32LittleEndian(span[18..], width);
        BinaryPrimitives.WriteInt32LittleEndian(span[22..], height); // positive: bottom-up
        BinaryPrimitives.WriteInt16LittleEndian(span[26..], 1);      // planes
        BinaryPrimitives.WriteInt16LittleEndian(span[28..], 24);     // bits per pixel; compression 0 = none
        for (int y = 0; y < height; y++)
        {
            int row = 54 + (height - 1 - y) * stride;
            for (int x = 0; x < width; x++)
            {
                int p = (y * width + x) * 3;
                file[row + 3 * x] = rgb[p + 2];
                file[row + 3 * x + 1] = rgb[p + 1];
                file[row + 3 * x + 2] = rgb[p];
            }
        }
        return file;
    }
}

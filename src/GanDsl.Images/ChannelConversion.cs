namespace GanDsl.Images;

/// <summary>
/// Straight (unpremultiplied) RGBA pixels to the net's channel planes. For 1 and 3 channels transparent pixels are first
/// composited on the background, rounding to nearest: c' = (c·a + bg·(255 − a)) / 255. One channel is the luma of
/// ITU-R BT.601 with PIL's "L" arithmetic: (R·19595 + G·38470 + B·7471 + 32768) >> 16, so gray images stay exactly as
/// they are. Four channels are the straight RGBA values.
/// </summary>
internal static class ChannelConversion
{
    /// <summary>Fills <paramref name="planes"/> (channels x pixels, plane after plane) from interleaved <paramref name="rgba"/>.</summary>
    public static void ToPlanes(ReadOnlySpan<byte> rgba, int channels, BackgroundColor background, Span<byte> planes)
    {
        int pixels = rgba.Length / 4;
        if (planes.Length < channels * pixels)
            throw new ArgumentException("The planes are shorter than channels x pixels.", nameof(planes));
        for (int p = 0; p < pixels; p++)
        {
            var px = rgba.Slice(p * 4, 4);
            if (channels == 4)
            {
                for (int c = 0; c < 4; c++) planes[c * pixels + p] = px[c];
                continue;
            }
            int a = px[3];
            byte r = Over(px[0], background.R, a), g = Over(px[1], background.G, a), b = Over(px[2], background.B, a);
            if (channels == 1) planes[p] = Luma(r, g, b);
            else
            {
                planes[p] = r;
                planes[pixels + p] = g;
                planes[2 * pixels + p] = b;
            }
        }
    }

    /// <summary>The colour over the background at alpha a, rounded to nearest.</summary>
    public static byte Over(byte colour, byte background, int alpha) =>
        (byte)((colour * alpha + background * (255 - alpha) + 127) / 255);

    /// <summary>BT.601 luma in PIL's fixed point (the weights add up to 65536).</summary>
    public static byte Luma(byte r, byte g, byte b) => (byte)((r * 19595 + g * 38470 + b * 7471 + 32768) >> 16);
}

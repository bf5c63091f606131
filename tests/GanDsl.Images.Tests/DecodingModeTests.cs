using GanDsl.Images.Tests.Support;

namespace GanDsl.Images.Tests;

/// <summary>
/// Every format and mode, made by the test and loaded at its own size (no resampling), so the stored bytes are the
/// decoded and converted pixels: exact for lossless files, within a tolerance for JPEG and lossy WebP.
/// </summary>
public class DecodingModeTests
{
    [Fact]
    public void Gray_png_is_read_as_is()
    {
        using var s = new Scratch();
        s.Put("g.png", PngFile.Bytes8(3, 2, PngFile.Gray, 0, 10, 20, 127, 128, 255));
        using var data = s.Load(1, 2, 3);
        Assert.Equal(new byte[] { 0, 10, 20, 127, 128, 255 }, Samples.Bytes(data));
    }

    [Fact]
    public void Gray_png_for_an_rgb_net_repeats_the_value_in_each_channel()
    {
        using var s = new Scratch();
        s.Put("g.png", PngFile.Bytes8(2, 1, PngFile.Gray, 7, 200));
        using var data = s.Load(3, 1, 2);
        Assert.Equal(new byte[] { 7, 200, 7, 200, 7, 200 }, Samples.Bytes(data));
    }

    [Fact]
    public void Sixteen_bit_gray_keeps_the_high_byte()
    {
        using var s = new Scratch();
        s.Put("g16.png", PngFile.Bytes16(4, 1, PngFile.Gray, 0x1234, 0x80FF, 0xFFFF, 0x00FF));
        using var data = s.Load(1, 1, 4);
        Assert.Equal(new byte[] { 0x12, 0x80, 0xFF, 0x00 }, Samples.Bytes(data));
    }

    [Fact]
    public void Sixteen_bit_rgb_keeps_the_high_byte_of_each_channel()
    {
        using var s = new Scratch();
        s.Put("rgb16.png", PngFile.Bytes16(2, 1, PngFile.Rgb, 0x0102, 0xA0FF, 0x3300, 0xFFFF, 0x0000, 0x7F80));
        using var data = s.Load(3, 1, 2);
        Assert.Equal(new byte[] { 0x01, 0xFF, 0xA0, 0x00, 0x33, 0x7F }, Samples.Bytes(data)); // planes R, G, B
    }

    [Fact]
    public void Rgb_png_becomes_planes_in_rgb_order()
    {
        using var s = new Scratch();
        s.Put("c.png", PngFile.Bytes8(2, 1, PngFile.Rgb, 255, 0, 0, 10, 20, 30));
        using var data = s.Load(3, 1, 2);
        Assert.Equal(new byte[] { 255, 10, 0, 20, 0, 30 }, Samples.Bytes(data));
    }

    [Fact]
    public void Rgb_to_one_channel_is_pil_luma()
    {
        // PIL's convert("L") gives 76, 150, 29 for pure red, green and blue, and keeps grays.
        using var s = new Scratch();
        s.Put("c.png", PngFile.Bytes8(5, 1, PngFile.Rgb, 255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255, 90, 90, 90));
        using var data = s.Load(1, 1, 5);
        Assert.Equal(new byte[] { 76, 150, 29, 255, 90 }, Samples.Bytes(data));
    }

    [Fact]
    public void Rgba_png_for_a_four_channel_net_is_straight_rgba()
    {
        using var s = new Scratch();
        s.Put("a.png", PngFile.Bytes8(2, 1, PngFile.Rgba, 200, 100, 50, 128, 1, 2, 3, 0));
        using var data = s.Load(4, 1, 2);
        Assert.Equal(new byte[] { 200, 1, 100, 2, 50, 3, 128, 0 }, Samples.Bytes(data));
    }

    [Fact]
    public void Rgba_png_is_composited_on_black_by_default()
    {
        // (200, 100, 50) at alpha 128 over black: c x 128 / 255 rounded = 100, 50, 25; a transparent pixel is black.
        using var s = new Scratch();
        s.Put("a.png", PngFile.Bytes8(2, 1, PngFile.Rgba, 200, 100, 50, 128, 250, 250, 250, 0));
        using var data = s.Load(3, 1, 2);
        Assert.Equal(new byte[] { 100, 0, 50, 0, 25, 0 }, Samples.Bytes(data));
    }

    [Fact]
    public void Rgba_png_is_composited_on_the_background_given()
    {
        // Over white: (c x 128 + 255 x 127) / 255 rounded = 227, 177, 152.
        using var s = new Scratch();
        s.Put("a.png", PngFile.Bytes8(2, 1, PngFile.Rgba, 200, 100, 50, 128, 0, 0, 0, 0));
        using var data = s.Load(3, 1, 2, s.Options with { Background = BackgroundColor.White });
        Assert.Equal(new byte[] { 227, 255, 177, 255, 152, 255 }, Samples.Bytes(data));
    }

    [Fact]
    public void Rgba_png_for_a_gray_net_is_composited_then_luma()
    {
        // Red at alpha 51 over black is (51, 0, 0), whose luma is 15; opaque blue is 29.
        using var s = new Scratch();
        s.Put("a.png", PngFile.Bytes8(2, 1, PngFile.Rgba, 255, 0, 0, 51, 0, 0, 255, 255));
        using var data = s.Load(1, 1, 2);
        Assert.Equal(new byte[] { 15, 29 }, Samples.Bytes(data));
    }

    [Fact]
    public void Gray_with_alpha_png_is_composited()
    {
        using var s = new Scratch();
        s.Put("ga.png", PngFile.Bytes8(2, 1, PngFile.GrayAlpha, 200, 255, 200, 0));
        using var data = s.Load(1, 1, 2, s.Options with { Background = new BackgroundColor(60, 60, 60) });
        Assert.Equal(new byte[] { 200, 60 }, Samples.Bytes(data));
    }

    [Fact]
    public void Palette_png_with_transparency_maps_indices_to_colours()
    {
        // Entry 0 opaque red, entry 1 blue at alpha 128 (over black: 0, 0, 128), entry 2 green without a tRNS entry (opaque).
        using var s = new Scratch();
        byte[] palette = [255, 0, 0, 0, 0, 255, 0, 255, 0];
        s.Put("p.png", PngFile.Encode(3, 1, PngFile.Palette, 8, [0, 1, 2], palette, transparency: [255, 128]));
        using var data = s.Load(3, 1, 3);
        Assert.Equal(new byte[] { 255, 0, 0, 0, 0, 255, 0, 128, 0 }, Samples.Bytes(data));
    }

    [Fact]
    public void Low_bit_depth_palette_png_is_read()
    {
        // Two bits an index, four pixels in one byte: indices 3, 2, 1, 0.
        using var s = new Scratch();
        byte[] palette = [0, 0, 0, 85, 85, 85, 170, 170, 170, 255, 255, 255];
        s.Put("p2.png", PngFile.Encode(4, 1, PngFile.Palette, 2, [0b11_10_01_00], palette));
        using var data = s.Load(1, 1, 4);
        Assert.Equal(new byte[] { 255, 170, 85, 0 }, Samples.Bytes(data));
    }

    [Fact]
    public void Bmp_is_read_exactly()
    {
        using var s = new Scratch();
        s.Put("b.bmp", BmpFile.Encode(3, 2, [1, 2, 3, 4, 5, 6, 7, 8, 9, 250, 251, 252, 0, 0, 0, 128, 64, 32]));
        using var data = s.Load(3, 2, 3);
        Assert.Equal(new byte[] { 1, 4, 7, 250, 0, 128, 2, 5, 8, 251, 0, 64, 3, 6, 9, 252, 0, 32 }, Samples.Bytes(data));
    }

    [Fact]
    public void Gif_gives_its_first_frame()
    {
        using var s = new Scratch();
        byte[] palette = [10, 20, 30, 200, 100, 0, 0, 0, 255];
        var first = Enumerable.Range(0, 600).Select(i => (byte)(i % 2)).ToArray(); // longer than one 250-code run
        var second = Enumerable.Repeat((byte)2, 600).ToArray();
        s.Put("anim.gif", GifFile.Encode(30, 20, palette, first, second));
        using var data = s.Load(3, 20, 30);
        var bytes = Samples.Bytes(data);
        var expected = new byte[3 * 600];
        for (int i = 0; i < 600; i++)
            for (int c = 0; c < 3; c++) expected[c * 600 + i] = palette[first[i] * 3 + c];
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void Jpeg_is_read_within_a_tolerance()
    {
        using var s = new Scratch();
        s.Put("j.jpg", LossyFile.Jpeg(16, 16, Solid(16, 16, 200, 100, 50)));
        using var data = s.Load(3, 16, 16);
        AssertPlanesNear(Samples.Bytes(data), [200, 100, 50], tolerance: 4);
    }

    [Fact]
    public void Lossy_webp_is_read_within_a_tolerance()
    {
        using var s = new Scratch();
        s.Put("w.webp", LossyFile.Webp(16, 16, Solid(16, 16, 30, 160, 220), lossless: false));
        using var data = s.Load(3, 16, 16);
        AssertPlanesNear(Samples.Bytes(data), [30, 160, 220], tolerance: 6);
    }

    [Fact]
    public void Lossless_webp_with_alpha_is_read_exactly()
    {
        using var s = new Scratch();
        s.Put("w.webp", LossyFile.Webp(2, 1, [10, 20, 30, 255, 40, 50, 60, 128], lossless: true));
        using var data = s.Load(4, 1, 2);
        Assert.Equal(new byte[] { 10, 40, 20, 50, 30, 60, 255, 128 }, Samples.Bytes(data));
    }

    [Fact]
    public void Png_named_jpg_decodes_by_its_content()
    {
        using var s = new Scratch();
        s.Put("really-a-png.jpg", PngFile.Bytes8(2, 1, PngFile.Gray, 3, 250));
        using var data = s.Load(1, 1, 2);
        Assert.Equal(new byte[] { 3, 250 }, Samples.Bytes(data));
    }

    [Fact]
    public void Extensions_are_matched_without_regard_to_case()
    {
        using var s = new Scratch();
        s.Put("UPPER.PNG", PngFile.Bytes8(1, 1, PngFile.Gray, 9));
        using var data = s.Load(1, 1, 1);
        Assert.Equal(1, data.Count);
    }

    [Fact]
    public void Batches_are_scaled_to_minus_one_to_one_like_the_idx_datasets()
    {
        using var s = new Scratch();
        byte[] pixels = [0, 1, 127, 128, 254, 255];
        s.Put("g.png", PngFile.Bytes8(6, 1, PngFile.Gray, pixels));
        using var data = s.Load(1, 1, 6);
        var expected = new float[6];
        GanDsl.Data.Dataset.Scale(pixels, expected);
        Assert.Equal(expected, Samples.All(data).Values);
        Assert.Equal(-1f, expected[0]);
        Assert.Equal(1f, expected[5]);
    }

    [Fact]
    public void Batches_can_be_scaled_to_zero_to_one()
    {
        using var s = new Scratch();
        s.Put("g.png", PngFile.Bytes8(3, 1, PngFile.Gray, 0, 51, 255));
        using var data = s.Load(1, 1, 3, s.Options with { Range = PixelRange.ZeroToOne });
        Assert.Equal(new[] { 0f, 0.2f, 1f }, Samples.All(data).Values);
    }

    private static byte[] Solid(int width, int height, byte r, byte g, byte b) =>
        Enumerable.Repeat(new[] { r, g, b, (byte)255 }, width * height).SelectMany(p => p).ToArray();

    private static void AssertPlanesNear(byte[] bytes, byte[] colour, int tolerance)
    {
        int plane = bytes.Length / colour.Length;
        for (int i = 0; i < bytes.Length; i++)
        {
            int want = colour[i / plane];
            Assert.True(Math.Abs(bytes[i] - want) <= tolerance, $"Byte {i} is {bytes[i]}, expected {want} ± {tolerance}.");
        }
    }
}

using GanDsl.Images.Tests.Support;

namespace GanDsl.Images.Tests;

/// <summary>
/// Every format and mode, made by the test and loaded at its own size (no resampling), so the stored bytes are the
/// decoded and converted pixels: exact for lossless files, within a tolerance for JPEG and lossy WebP.
/// </summary>
public class DecodingModeTests
{
    /// <summary>Lossless files with default options: file name (saying what is checked), content, net input, stored bytes (planes).</summary>
    public static TheoryData<string, byte[], int[], byte[]> LosslessCases => new()
    {
        { "gray-as-is.png", PngFile.Bytes8(3, 2, PngFile.Gray, 0, 10, 20, 127, 128, 255), [1, 2, 3], [0, 10, 20, 127, 128, 255] },
        { "gray-repeated-for-rgb.png", PngFile.Bytes8(2, 1, PngFile.Gray, 7, 200), [3, 1, 2], [7, 200, 7, 200, 7, 200] },
        // 16-bit samples keep their high byte.
        { "gray16.png", PngFile.Bytes16(4, 1, PngFile.Gray, 0x1234, 0x80FF, 0xFFFF, 0x00FF), [1, 1, 4], [0x12, 0x80, 0xFF, 0x00] },
        { "rgb16.png", PngFile.Bytes16(2, 1, PngFile.Rgb, 0x0102, 0xA0FF, 0x3300, 0xFFFF, 0x0000, 0x7F80), [3, 1, 2],
            [0x01, 0xFF, 0xA0, 0x00, 0x33, 0x7F] },
        { "rgb-planes.png", PngFile.Bytes8(2, 1, PngFile.Rgb, 255, 0, 0, 10, 20, 30), [3, 1, 2], [255, 10, 0, 20, 0, 30] },
        // PIL's convert("L") gives 76, 150, 29 for pure red, green and blue, and keeps grays.
        { "rgb-to-luma.png", PngFile.Bytes8(5, 1, PngFile.Rgb, 255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255, 90, 90, 90), [1, 1, 5],
            [76, 150, 29, 255, 90] },
        { "rgba-straight.png", PngFile.Bytes8(2, 1, PngFile.Rgba, 200, 100, 50, 128, 1, 2, 3, 0), [4, 1, 2], [200, 1, 100, 2, 50, 3, 128, 0] },
        // (200, 100, 50) at alpha 128 over black: c x 128 / 255 rounded = 100, 50, 25; a transparent pixel is black.
        { "rgba-on-black.png", PngFile.Bytes8(2, 1, PngFile.Rgba, 200, 100, 50, 128, 250, 250, 250, 0), [3, 1, 2], [100, 0, 50, 0, 25, 0] },
        // Red at alpha 51 over black is (51, 0, 0), whose luma is 15; opaque blue is 29.
        { "rgba-to-luma.png", PngFile.Bytes8(2, 1, PngFile.Rgba, 255, 0, 0, 51, 0, 0, 255, 255), [1, 1, 2], [15, 29] },
        // Entry 0 opaque red, entry 1 blue at alpha 128 (over black: 0, 0, 128), entry 2 green without a tRNS entry (opaque).
        { "palette-trns.png", PngFile.Encode(3, 1, PngFile.Palette, 8, [0, 1, 2], [255, 0, 0, 0, 0, 255, 0, 255, 0], transparency: [255, 128]),
            [3, 1, 3], [255, 0, 0, 0, 0, 255, 0, 128, 0] },
        // Two bits an index, four pixels in one byte: indices 3, 2, 1, 0.
        { "palette-2bit.png", PngFile.Encode(4, 1, PngFile.Palette, 2, [0b11_10_01_00], [0, 0, 0, 85, 85, 85, 170, 170, 170, 255, 255, 255]),
            [1, 1, 4], [255, 170, 85, 0] },
        { "rgb24.bmp", BmpFile.Encode(3, 2, [1, 2, 3, 4, 5, 6, 7, 8, 9, 250, 251, 252, 0, 0, 0, 128, 64, 32]), [3, 2, 3],
            [1, 4, 7, 250, 0, 128, 2, 5, 8, 251, 0, 64, 3, 6, 9, 252, 0, 32] },
        { "lossless-with-alpha.webp", LossyFile.Webp(2, 1, [10, 20, 30, 255, 40, 50, 60, 128], lossless: true), [4, 1, 2],
            [10, 40, 20, 50, 30, 60, 255, 128] },
        // The content decides the format, the extension only selects the file (in any case).
        { "really-a-png.jpg", PngFile.Bytes8(2, 1, PngFile.Gray, 3, 250), [1, 1, 2], [3, 250] },
        { "UPPER.PNG", PngFile.Bytes8(1, 1, PngFile.Gray, 9), [1, 1, 1], [9] },
    };

    [Theory]
    [MemberData(nameof(LosslessCases))]
    public void Lossless_file_decodes_to_exact_values(string name, byte[] file, int[] shape, byte[] expected) =>
        Assert.Equal(expected, Samples.OfOneFile(name, file, shape[0], shape[1], shape[2]));

    [Fact]
    public void Rgba_png_is_composited_on_the_background_given()
    {
        // Over white: (c x 128 + 255 x 127) / 255 rounded = 227, 177, 152.
        byte[] file = PngFile.Bytes8(2, 1, PngFile.Rgba, 200, 100, 50, 128, 0, 0, 0, 0);
        Assert.Equal(new byte[] { 227, 255, 177, 255, 152, 255 },
            Samples.OfOneFile("a.png", file, 3, 1, 2, o => o with { Background = BackgroundColor.White }));
    }

    [Fact]
    public void Gray_with_alpha_png_is_composited()
    {
        byte[] file = PngFile.Bytes8(2, 1, PngFile.GrayAlpha, 200, 255, 200, 0);
        Assert.Equal(new byte[] { 200, 60 },
            Samples.OfOneFile("ga.png", file, 1, 1, 2, o => o with { Background = new BackgroundColor(60, 60, 60) }));
    }

    [Fact]
    public void Gif_gives_its_first_frame()
    {
        byte[] palette = [10, 20, 30, 200, 100, 0, 0, 0, 255];
        var first = Enumerable.Range(0, 600).Select(i => (byte)(i % 2)).ToArray(); // longer than one 250-code run
        var second = Enumerable.Repeat((byte)2, 600).ToArray();
        var bytes = Samples.OfOneFile("anim.gif", GifFile.Encode(30, 20, palette, first, second), 3, 20, 30);
        var expected = new byte[3 * 600];
        for (int i = 0; i < 600; i++)
            for (int c = 0; c < 3; c++) expected[c * 600 + i] = palette[first[i] * 3 + c];
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void Jpeg_is_read_within_a_tolerance()
    {
        var bytes = Samples.OfOneFile("j.jpg", LossyFile.Jpeg(16, 16, Solid(16, 16, 200, 100, 50)), 3, 16, 16);
        AssertPlanesNear(bytes, [200, 100, 50], tolerance: 4);
    }

    [Fact]
    public void Lossy_webp_is_read_within_a_tolerance()
    {
        var bytes = Samples.OfOneFile("w.webp", LossyFile.Webp(16, 16, Solid(16, 16, 30, 160, 220), lossless: false), 3, 16, 16);
        AssertPlanesNear(bytes, [30, 160, 220], tolerance: 6);
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

using CsCheck;
using GanDsl.Imaging;
using GanDsl.Tensors;
using GanDsl.Tests;

namespace GanDsl.Core.Tests.Imaging;

public class PngReaderTests
{
    [Fact]
    public void Reading_back_a_written_png_gives_the_same_pixels() =>
        Gen.Select(Gen.Byte, Gen.Byte, Gen.Bool, Sized.Int).ForAll((w, h, rgb, seed) =>
    {
        int width = 1 + w % 40, height = 1 + h % 30, channels = rgb ? 3 : 1;
        var rng = new Rng((ulong)seed);
        var pixels = new byte[width * height * channels];
        // Half noise, half smooth gradient, so every filter type the writer may pick is exercised.
        for (int i = 0; i < pixels.Length; i++) pixels[i] = i % 2 == 0 ? (byte)rng.NextInt(256) : (byte)(i / channels % 251);
        var image = new GridImage(width, height, channels, pixels);
        var back = PngReader.Read(new MemoryStream(Png.Encode(image)));
        Assert.Equal((width, height, channels), (back.Width, back.Height, back.Channels));
        Assert.Equal(pixels, back.Pixels);
    }, iter: 40);

    [Fact]
    public void A_file_that_is_not_a_png_is_refused_naming_it()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "not a png");
        var ex = Assert.Throws<InvalidDataException>(() => PngReader.ReadFile(path));
        Assert.Contains(path, ex.Message);
        File.Delete(path);
    }
}

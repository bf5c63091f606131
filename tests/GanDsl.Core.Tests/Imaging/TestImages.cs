using GanDsl.Imaging;

namespace GanDsl.Tests.Imaging;

/// <summary>Deterministic test pictures with different statistics, so every PNG row filter gets chosen somewhere.</summary>
internal static class TestImages
{
    public static GridImage Noise(int width, int height, int channels, int seed)
    {
        var pixels = new byte[width * height * channels];
        new Random(seed).NextBytes(pixels);
        return new GridImage(width, height, channels, pixels);
    }

    public static GridImage Gradient(int width, int height, int channels) =>
        Generate(width, height, channels, (x, y, c) => (x * 7 + y * 3 + c * 50) % 256);

    public static GridImage Stripes(int width, int height, int channels) =>
        Generate(width, height, channels, (x, y, c) => (y % 4 < 2 ? 30 : 220) + c);

    public static GridImage Diagonal(int width, int height, int channels) =>
        Generate(width, height, channels, (x, y, c) => ((x + y) % 5) * 60 + c * 3);

    public static GridImage Generate(int width, int height, int channels, Func<int, int, int, int> value)
    {
        var pixels = new byte[width * height * channels];
        for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
        for (int c = 0; c < channels; c++)
            pixels[(y * width + x) * channels + c] = (byte)value(x, y, c);
        return new GridImage(width, height, channels, pixels);
    }
}

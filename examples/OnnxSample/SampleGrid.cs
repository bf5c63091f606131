using SkiaSharp;

namespace OnnxSample;

/// <summary>Lays samples [C, H, W] (C = 1 or 3) out in a grid and writes it as a PNG.</summary>
internal static class SampleGrid
{
    private const int Gap = 2;

    public static (int Width, int Height) WritePng(string path, float[] samples, int count, int[] shape, string range, int scale)
    {
        if (shape.Length != 3 || (shape[0] != 1 && shape[0] != 3))
            throw new ArgumentException($"The generator draws samples of shape [{string.Join(", ", shape)}], which are not gray or RGB images.");
        int channels = shape[0], h = shape[1], w = shape[2], columns = (int)Math.Ceiling(Math.Sqrt(count));
        int rows = (count + columns - 1) / columns;
        int width = columns * (w * scale + Gap) + Gap, height = rows * (h * scale + Gap) + Gap;
        var (low, high) = Bounds(samples, range);
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        bitmap.Erase(SKColors.Black);
        for (int i = 0; i < count; i++)
        {
            int left = Gap + i % columns * (w * scale + Gap), top = Gap + i / columns * (h * scale + Gap);
            for (int y = 0; y < h * scale; y++)
                for (int x = 0; x < w * scale; x++)
                {
                    byte Channel(int c) => Byte(samples[((i * channels + c) * h + y / scale) * w + x / scale], low, high);
                    bitmap.SetPixel(left + x, top + y, channels == 1 ? new SKColor(Channel(0), Channel(0), Channel(0)) : new SKColor(Channel(0), Channel(1), Channel(2)));
                }
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        png.SaveTo(file);
        return (width, height);
    }

    /// <summary>The values that map to black and white: the recorded range, or the samples' own minimum and maximum when unbounded.</summary>
    private static (float Low, float High) Bounds(float[] samples, string range) => range switch
    {
        "[-1, 1]" => (-1f, 1f),
        "[0, 1]" => (0f, 1f),
        _ => (samples.Min(), samples.Max()),
    };

    private static byte Byte(float v, float low, float high) =>
        (byte)Math.Clamp(MathF.Round((v - low) / Math.Max(high - low, 1e-12f) * 255f), 0f, 255f);
}

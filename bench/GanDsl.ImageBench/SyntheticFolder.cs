using SkiaSharp;

namespace GanDsl.ImageBench;

/// <summary>Writes a folder of photo-like test images (smooth gradients with noise, so they compress like real ones).</summary>
internal static class SyntheticFolder
{
    public static string Write(string folder, int count, int size, string format)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(1);
        using var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        var pixels = new byte[size * size * 4];
        for (int i = 0; i < count; i++)
        {
            Fill(pixels, size, random);
            System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
            bool jpeg = format == "jpeg" || (format == "mixed" && i % 2 == 1);
            using var data = bitmap.Encode(jpeg ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png, 90);
            File.WriteAllBytes(Path.Combine(folder, $"{i:000000}.{(jpeg ? "jpg" : "png")}"), data.ToArray());
        }
        return folder;
    }

    private static void Fill(byte[] pixels, int size, Random random)
    {
        int r = random.Next(256), g = random.Next(256), b = random.Next(256);
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++)
            {
                int p = (y * size + x) * 4, noise = random.Next(16);
                pixels[p] = (byte)((r + x + noise) & 255);
                pixels[p + 1] = (byte)((g + y + noise) & 255);
                pixels[p + 2] = (byte)((b + x + y) & 255);
                pixels[p + 3] = 255;
            }
    }
}

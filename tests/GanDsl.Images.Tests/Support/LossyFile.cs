using SkiaSharp;

namespace GanDsl.Images.Tests.Support;

/// <summary>JPEG and WebP test images, encoded by SkiaSharp from RGBA pixels.</summary>
internal static class LossyFile
{
    public static byte[] Jpeg(int width, int height, byte[] rgba, int quality = 95) =>
        Encode(width, height, rgba, pixels => pixels.Encode(new SKJpegEncoderOptions(quality)));

    public static byte[] Webp(int width, int height, byte[] rgba, bool lossless) =>
        Encode(width, height, rgba, pixels => pixels.Encode(new SKWebpEncoderOptions(
            lossless ? SKWebpEncoderCompression.Lossless : SKWebpEncoderCompression.Lossy, lossless ? 100 : 90)));

    private static byte[] Encode(int width, int height, byte[] rgba, Func<SKPixmap, SKData?> encode)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        System.Runtime.InteropServices.Marshal.Copy(rgba, 0, bitmap.GetPixels(), rgba.Length);
        using var pixels = bitmap.PeekPixels();
        using var data = encode(pixels) ?? throw new InvalidOperationException("SkiaSharp could not encode the test image.");
        return data.ToArray();
    }
}

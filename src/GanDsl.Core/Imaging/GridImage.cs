namespace GanDsl.Imaging;

/// <summary>
/// An 8-bit image ready for <see cref="Png"/>: <paramref name="Pixels"/> holds
/// <c>Height</c> rows of <c>Width × Channels</c> bytes, channels interleaved (gray, or R G B).
/// </summary>
public sealed record GridImage(int Width, int Height, int Channels, byte[] Pixels)
{
    /// <summary>Throws when the dimensions and the pixel buffer disagree or the channel count is not 1 or 3.</summary>
    public void Validate()
    {
        if (Width <= 0 || Height <= 0)
            throw new ArgumentException($"An image needs a positive width and height but got {Width}×{Height}.");
        if (Channels is not (1 or 3))
            throw new ArgumentException($"An image needs 1 (gray) or 3 (RGB) channels but got {Channels}.");
        if (Pixels is null || (long)Width * Height * Channels != Pixels.Length)
            throw new ArgumentException(
                $"A {Width}×{Height} image with {Channels} channel(s) needs {(long)Width * Height * Channels} pixel bytes but has {Pixels?.Length ?? 0}.");
    }

    /// <summary>The byte of channel <paramref name="channel"/> at column <paramref name="x"/>, row <paramref name="y"/>.</summary>
    public byte At(int x, int y, int channel = 0) => Pixels[((long)y * Width + x) * Channels + channel];
}

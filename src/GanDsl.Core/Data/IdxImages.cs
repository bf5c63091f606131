namespace GanDsl.Data;

/// <summary>The content of an IDX image file: <see cref="Count"/> images of Height×Width unsigned bytes, row-major.</summary>
public sealed record IdxImages(int Count, int Height, int Width, byte[] Pixels)
{
    /// <summary>Bytes per image: Height × Width.</summary>
    public int PixelsPerImage => Height * Width;
}

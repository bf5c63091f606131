namespace GanDsl.Tensors.Kernels;

/// <summary>
/// The patch matrix an implicit GEMM multiplies, described instead of stored: row (c, ty, tx), column (n, qy, qx) holds
/// source[n, c, qy·s + OffY + ty, qx·s + OffX + tx], or 0 outside the source planes. A convolution's patches (im2col)
/// have taps k × k and offsets −p; an NCHW tensor read as the channel-major matrix [C, N·H·W] is its 1 × 1 patches.
/// </summary>
internal readonly unsafe struct PatchGrid
{
    public readonly float* Source;
    public readonly int Batch, Channels, Height, Width, GridHeight, GridWidth, Stride, TapsY, TapsX, OffY, OffX;

    public PatchGrid(float* source, int batch, int channels, int height, int width, int gridHeight, int gridWidth,
        int stride, int tapsY, int tapsX, int offY, int offX)
    {
        Source = source;
        (Batch, Channels, Height, Width, GridHeight, GridWidth) = (batch, channels, height, width, gridHeight, gridWidth);
        (Stride, TapsY, TapsX, OffY, OffX) = (stride, tapsY, tapsX, offY, offX);
    }

    /// <summary>The patches of the convolution <paramref name="g"/> over <paramref name="x"/>: im2col's [Cin·k·k, N·Ho·Wo].</summary>
    public static PatchGrid Of(in ConvGeometry g, float* x) =>
        new(x, g.Batch, g.InChannels, g.Height, g.Width, g.OutHeight, g.OutWidth, g.Stride, g.Kernel, g.Kernel, -g.Padding, -g.Padding);

    /// <summary>An NCHW tensor [batch, channels, height, width] as the channel-major matrix [channels, batch·height·width].</summary>
    public static PatchGrid ChannelMajor(float* source, int batch, int channels, int height, int width) =>
        new(source, batch, channels, height, width, height, width, 1, 1, 1, 0, 0);

    public int Rows => Channels * TapsY * TapsX;
    public int Columns => Batch * GridHeight * GridWidth;
    public int GridPlane => GridHeight * GridWidth;
    public long Plane => (long)Height * Width;
}

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// The patch matrix an implicit GEMM multiplies, described instead of stored: row (c, ty, tx), column (n, qy, qx) holds
/// source[n, c, qy·s + OffY + DirY·ty, qx·s + OffX + DirX·tx], or 0 outside the source planes. A convolution's patches
/// (im2col) have taps k × k, offsets −p and directions +1; one sub-pixel phase of a transposed convolution reads its
/// gradient with stride 1 and taps running backwards.
/// </summary>
internal readonly unsafe struct PatchGrid
{
    public readonly float* Source;
    public readonly int Batch, Channels, Height, Width, GridHeight, GridWidth, Stride, TapsY, TapsX, OffY, OffX, DirY, DirX;

    public PatchGrid(float* source, int batch, int channels, int height, int width, int gridHeight, int gridWidth,
        int stride, int tapsY, int tapsX, int offY, int offX, int dirY, int dirX)
    {
        Source = source;
        (Batch, Channels, Height, Width, GridHeight, GridWidth) = (batch, channels, height, width, gridHeight, gridWidth);
        (Stride, TapsY, TapsX, OffY, OffX, DirY, DirX) = (stride, tapsY, tapsX, offY, offX, dirY, dirX);
    }

    /// <summary>The patches of the convolution <paramref name="g"/> over <paramref name="x"/>: im2col's [Cin·k·k, N·Ho·Wo].</summary>
    public static PatchGrid Of(in ConvGeometry g, float* x) =>
        new(x, g.Batch, g.InChannels, g.Height, g.Width, g.OutHeight, g.OutWidth, g.Stride, g.Kernel, g.Kernel, -g.Padding, -g.Padding, 1, 1);

    public int Rows => Channels * TapsY * TapsX;
    public int Columns => Batch * GridHeight * GridWidth;
    public int GridPlane => GridHeight * GridWidth;
    public long Plane => (long)Height * Width;
}

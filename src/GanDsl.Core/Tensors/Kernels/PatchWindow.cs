namespace GanDsl.Tensors.Kernels;

/// <summary>
/// For one kernel offset (ky, kx) of a convolution: the output rows [Oy0, Oy1) and columns [Ox0, Ox1) whose input
/// pixel lies inside the image, and where the first such pixel is. Outside that window a patch reads the padding, so
/// im2col and col2im clip once per offset instead of testing every output position.
/// </summary>
internal readonly struct PatchWindow
{
    public readonly int Oy0, Oy1, Ox0, Ox1;

    /// <summary>Input row and column of output row and column 0 (may be negative: in the padding).</summary>
    public readonly int IyAtZero, IxAtZero;

    /// <summary>Input column of output column <see cref="Ox0"/>.</summary>
    public readonly int IxAtOx0;

    public PatchWindow(in ConvGeometry g, int ky, int kx)
    {
        (Oy0, Oy1) = Valid(ky, g.Height, g.OutHeight, g.Stride, g.Padding);
        (Ox0, Ox1) = Valid(kx, g.Width, g.OutWidth, g.Stride, g.Padding);
        IyAtZero = ky - g.Padding;
        IxAtZero = kx - g.Padding;
        IxAtOx0 = IxAtZero + Ox0 * g.Stride;
    }

    public int Columns => Ox1 - Ox0;

    /// <summary>The window of every kernel offset, indexed ky·k + kx, in <paramref name="kept"/> when it is long enough (a job's buffer, grown, never shrunk).</summary>
    public static PatchWindow[] All(in ConvGeometry g, PatchWindow[] kept)
    {
        int k = g.Kernel;
        var windows = kept.Length >= k * k ? kept : new PatchWindow[k * k];
        for (int ky = 0; ky < k; ky++)
        for (int kx = 0; kx < k; kx++)
            windows[ky * k + kx] = new PatchWindow(g, ky, kx);
        return windows;
    }

    // The outputs o in [0, count) with 0 <= o·s − p + k < size, as a (possibly empty) range.
    private static (int Start, int End) Valid(int k, int size, int count, int s, int p)
    {
        int low = p - k, high = size - 1 + p - k; // o·s must lie in [low, high]
        int start = low <= 0 ? 0 : (low + s - 1) / s;
        int end = high < 0 ? 0 : Math.Min(count, high / s + 1);
        start = Math.Min(start, count);
        return (start, Math.Max(start, end));
    }
}

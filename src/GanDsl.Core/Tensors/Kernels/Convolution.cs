namespace GanDsl.Tensors.Kernels;

/// <summary>
/// Convolution through im2col + GEMM. The three kernels are the forward map, its adjoint in the input
/// (which is also the transposed convolution's forward) and its adjoint in the weight.
/// Weights are [Cout, Cin, k, k], row-major.
/// </summary>
public static class Convolution
{
    /// <summary>y = conv2d(x, w) without bias.</summary>
    public static void Forward(in ConvGeometry g, ReadOnlySpan<float> x, ReadOnlySpan<float> w, Span<float> y)
    {
        var cols = new float[g.PatchSize * g.OutPlane];
        for (int n = 0; n < g.Batch; n++)
        {
            Im2Col(g, x.Slice(n * g.InChannels * g.InPlane, g.InChannels * g.InPlane), cols);
            Gemm.Multiply(false, false, g.OutChannels, g.OutPlane, g.PatchSize, w, cols,
                y.Slice(n * g.OutChannels * g.OutPlane, g.OutChannels * g.OutPlane));
        }
    }

    /// <summary>dx = the adjoint of <see cref="Forward"/> in x applied to dy (the transposed convolution).</summary>
    public static void InputGrad(in ConvGeometry g, ReadOnlySpan<float> dy, ReadOnlySpan<float> w, Span<float> dx)
    {
        var cols = new float[g.PatchSize * g.OutPlane];
        for (int n = 0; n < g.Batch; n++)
        {
            Gemm.Multiply(true, false, g.PatchSize, g.OutPlane, g.OutChannels, w,
                dy.Slice(n * g.OutChannels * g.OutPlane, g.OutChannels * g.OutPlane), cols);
            Col2Im(g, cols, dx.Slice(n * g.InChannels * g.InPlane, g.InChannels * g.InPlane));
        }
    }

    /// <summary>dw = the adjoint of <see cref="Forward"/> in w applied to dy.</summary>
    public static void WeightGrad(in ConvGeometry g, ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dw)
    {
        var cols = new float[g.PatchSize * g.OutPlane];
        for (int n = 0; n < g.Batch; n++)
        {
            Im2Col(g, x.Slice(n * g.InChannels * g.InPlane, g.InChannels * g.InPlane), cols);
            Gemm.Multiply(false, true, g.OutChannels, g.PatchSize, g.OutPlane,
                dy.Slice(n * g.OutChannels * g.OutPlane, g.OutChannels * g.OutPlane), cols, dw, accumulate: n > 0);
        }
    }

    /// <summary>Unfolds one image [Cin, H, W] into patches [Cin·k·k, Ho·Wo] (zeros where the patch overlaps the padding).</summary>
    public static void Im2Col(in ConvGeometry g, ReadOnlySpan<float> image, Span<float> cols)
    {
        int k = g.Kernel, s = g.Stride, p = g.Padding;
        int row = 0;
        for (int c = 0; c < g.InChannels; c++)
        for (int ky = 0; ky < k; ky++)
        for (int kx = 0; kx < k; kx++, row++)
        {
            var dest = cols.Slice(row * g.OutPlane, g.OutPlane);
            for (int oy = 0; oy < g.OutHeight; oy++)
            {
                int iy = oy * s - p + ky;
                var destRow = dest.Slice(oy * g.OutWidth, g.OutWidth);
                if ((uint)iy >= (uint)g.Height)
                {
                    destRow.Clear();
                    continue;
                }
                var src = image.Slice((c * g.Height + iy) * g.Width, g.Width);
                for (int ox = 0; ox < g.OutWidth; ox++)
                {
                    int ix = ox * s - p + kx;
                    destRow[ox] = (uint)ix < (uint)g.Width ? src[ix] : 0f;
                }
            }
        }
    }

    /// <summary>Folds patches back into an image, summing overlaps (the adjoint of <see cref="Im2Col"/>).</summary>
    public static void Col2Im(in ConvGeometry g, ReadOnlySpan<float> cols, Span<float> image)
    {
        image.Clear();
        int k = g.Kernel, s = g.Stride, p = g.Padding;
        int row = 0;
        for (int c = 0; c < g.InChannels; c++)
        for (int ky = 0; ky < k; ky++)
        for (int kx = 0; kx < k; kx++, row++)
        {
            var src = cols.Slice(row * g.OutPlane, g.OutPlane);
            for (int oy = 0; oy < g.OutHeight; oy++)
            {
                int iy = oy * s - p + ky;
                if ((uint)iy >= (uint)g.Height) continue;
                var dest = image.Slice((c * g.Height + iy) * g.Width, g.Width);
                for (int ox = 0; ox < g.OutWidth; ox++)
                {
                    int ix = ox * s - p + kx;
                    if ((uint)ix < (uint)g.Width) dest[ix] += src[oy * g.OutWidth + ox];
                }
            }
        }
    }
}

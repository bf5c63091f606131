namespace GanDsl.Tensors.Kernels;

/// <summary>
/// Convolution through im2col + GEMM. The three kernels are the forward map, its adjoint in the input
/// (which is also the transposed convolution's forward) and its adjoint in the weight.
/// Weights are [Cout, Cin, k, k], row-major.
/// </summary>
public static unsafe class Convolution
{
    // The whole batch is lowered at once: patches [Cin·k·k, N·Ho·Wo], so each map is a single GEMM whose
    // long dimension is N·Ho·Wo (per-sample GEMMs had n = Ho·Wo, often under 64: mostly edge tiles).

    /// <summary>y = conv2d(x, w) without bias.</summary>
    public static void Forward(in ConvGeometry g, ReadOnlySpan<float> x, ReadOnlySpan<float> w, Span<float> y)
    {
        Check(g, x.Length, w.Length, y.Length);
        int np = g.Batch * g.OutPlane;
        var scratch = ConvScratch.ForCurrentThread;
        float* cols = scratch.Cols((nint)g.PatchSize * np);
        float* channelMajor = scratch.ChannelMajor((nint)g.OutChannels * np);
        fixed (float* px = x, py = y)
        {
            ConvLowering.Im2Col(g, px, cols);
            Gemm.Multiply(false, false, g.OutChannels, np, g.PatchSize, 1f, w, g.PatchSize,
                new ReadOnlySpan<float>(cols, g.PatchSize * np), np, new Span<float>(channelMajor, g.OutChannels * np), np);
            ConvLowering.Reorder(g.Batch, g.OutChannels, g.OutPlane, channelMajor, py, toChannelMajor: false);
        }
    }

    /// <summary>dx = the adjoint of <see cref="Forward"/> in x applied to dy (the transposed convolution).</summary>
    public static void InputGrad(in ConvGeometry g, ReadOnlySpan<float> dy, ReadOnlySpan<float> w, Span<float> dx)
    {
        Check(g, dx.Length, w.Length, dy.Length);
        int np = g.Batch * g.OutPlane;
        var scratch = ConvScratch.ForCurrentThread;
        float* cols = scratch.Cols((nint)g.PatchSize * np);
        float* channelMajor = scratch.ChannelMajor((nint)g.OutChannels * np);
        fixed (float* pdy = dy, pdx = dx)
        {
            ConvLowering.Reorder(g.Batch, g.OutChannels, g.OutPlane, pdy, channelMajor, toChannelMajor: true);
            Gemm.Multiply(true, false, g.PatchSize, np, g.OutChannels, 1f, w, g.PatchSize,
                new ReadOnlySpan<float>(channelMajor, g.OutChannels * np), np, new Span<float>(cols, g.PatchSize * np), np);
            ConvLowering.Col2Im(g, cols, pdx);
        }
    }

    /// <summary>dw = the adjoint of <see cref="Forward"/> in w applied to dy.</summary>
    public static void WeightGrad(in ConvGeometry g, ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dw)
    {
        Check(g, x.Length, dw.Length, dy.Length);
        int np = g.Batch * g.OutPlane;
        var scratch = ConvScratch.ForCurrentThread;
        float* cols = scratch.Cols((nint)g.PatchSize * np);
        float* channelMajor = scratch.ChannelMajor((nint)g.OutChannels * np);
        fixed (float* px = x, pdy = dy)
        {
            ConvLowering.Im2Col(g, px, cols);
            ConvLowering.Reorder(g.Batch, g.OutChannels, g.OutPlane, pdy, channelMajor, toChannelMajor: true);
            Gemm.Multiply(false, true, g.OutChannels, g.PatchSize, np, 1f,
                new ReadOnlySpan<float>(channelMajor, g.OutChannels * np), np,
                new ReadOnlySpan<float>(cols, g.PatchSize * np), np, dw, g.PatchSize);
        }
    }

    private static void Check(in ConvGeometry g, int input, int weight, int output)
    {
        long needX = (long)g.Batch * g.InChannels * g.InPlane, needW = (long)g.OutChannels * g.PatchSize;
        long needY = (long)g.Batch * g.OutChannels * g.OutPlane;
        if (input != needX || weight != needW || output != needY)
            throw new ArgumentException(
                $"Convolution buffers do not fit the geometry {g}: input {input} (needs {needX}), weight {weight} (needs {needW}), output {output} (needs {needY}).");
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

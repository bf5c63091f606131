namespace GanDsl.Tensors.Kernels;

// The reference path: the whole batch is lowered at once, patches [Cin·k·k, N·Ho·Wo], so each map is a single GEMM whose
// long dimension is N·Ho·Wo (per-sample GEMMs had n = Ho·Wo, often under 64: mostly edge tiles). It copies every patch
// (im2col) or folds them back (col2im), which costs more than the multiply where channels are few.
public static unsafe partial class Convolution
{
    private static void ForwardLowered(in ConvGeometry g, float* x, float* w, float* y)
    {
        int np = g.Batch * g.OutPlane;
        var scratch = ConvScratch.ForCurrentThread;
        float* cols = scratch.Cols((nint)g.PatchSize * np);
        float* channelMajor = scratch.ChannelMajor((nint)g.OutChannels * np);
        ConvLowering.Im2Col(g, x, cols);
        Gemm.Multiply(false, false, g.OutChannels, np, g.PatchSize, 1f, new ReadOnlySpan<float>(w, g.OutChannels * g.PatchSize), g.PatchSize,
            new ReadOnlySpan<float>(cols, g.PatchSize * np), np, new Span<float>(channelMajor, g.OutChannels * np), np);
        ConvLowering.Reorder(g.Batch, g.OutChannels, g.OutPlane, channelMajor, y, toChannelMajor: false);
    }

    // The GEMM reads dy as the channel-major [Cout, N·Ho·Wo] in place (1×1 patches of dy): the same values as a reorder.
    private static void InputGradLowered(in ConvGeometry g, float* dy, float* w, float* dx)
    {
        int np = g.Batch * g.OutPlane;
        float* cols = ConvScratch.ForCurrentThread.Cols((nint)g.PatchSize * np);
        if (Gemm.TakesDirectLoops(true, false, g.PatchSize, np, g.OutChannels))
        {
            float* channelMajor = ConvScratch.ForCurrentThread.ChannelMajor((nint)g.OutChannels * np);
            ConvLowering.Reorder(g.Batch, g.OutChannels, g.OutPlane, dy, channelMajor, toChannelMajor: true);
            Gemm.Multiply(true, false, g.PatchSize, np, g.OutChannels, 1f, new ReadOnlySpan<float>(w, g.OutChannels * g.PatchSize), g.PatchSize,
                new ReadOnlySpan<float>(channelMajor, g.OutChannels * np), np, new Span<float>(cols, g.PatchSize * np), np);
        }
        else
        {
            var gradient = _patchPanels ??= new PatchPanels();
            gradient.Prepare(PatchGrid.ChannelMajor(dy, g.Batch, g.OutChannels, g.OutHeight, g.OutWidth));
            Gemm.Run(new GemmTask
            {
                TransA = true, M = g.PatchSize, N = np, K = g.OutChannels, Alpha = 1f,
                A = w, Lda = g.PatchSize, BSource = gradient, C = cols, Ldc = np,
            });
        }
        ConvLowering.Col2Im(g, cols, dx);
    }

    private static void WeightGradLowered(in ConvGeometry g, float* x, float* dy, float* dw)
    {
        int np = g.Batch * g.OutPlane;
        var scratch = ConvScratch.ForCurrentThread;
        float* cols = scratch.Cols((nint)g.PatchSize * np);
        float* channelMajor = scratch.ChannelMajor((nint)g.OutChannels * np);
        ConvLowering.Im2Col(g, x, cols);
        ConvLowering.Reorder(g.Batch, g.OutChannels, g.OutPlane, dy, channelMajor, toChannelMajor: true);
        Gemm.Multiply(false, true, g.OutChannels, g.PatchSize, np, 1f,
            new ReadOnlySpan<float>(channelMajor, g.OutChannels * np), np,
            new ReadOnlySpan<float>(cols, g.PatchSize * np), np, new Span<float>(dw, g.OutChannels * g.PatchSize), g.PatchSize);
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

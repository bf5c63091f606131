namespace GanDsl.Tensors.Kernels;

/// <summary>
/// The whole batch's im2col and col2im, and the reorders between batch-major [N, C, P] and channel-major [C, N·P],
/// as jobs for the persistent pool. Patches are laid out [Cin·k·k, N·Ho·Wo] so a convolution over the whole batch is
/// one GEMM. Every part owns distinct output rows or planes and sums in a fixed order: bit-identical for any thread count.
/// </summary>
internal static unsafe class ConvLowering
{
    // Below this many floats moved, waking the helper costs more than it saves.
    private const long ParallelFloats = 32 * 1024;

    [ThreadStatic] private static Im2ColJob? im2col;
    [ThreadStatic] private static Col2ImJob? col2im;
    [ThreadStatic] private static ReorderJob? reorder;

    /// <summary>cols[(c·k + ky)·k + kx, n·P + oy·Wo + ox] = x[n, c, oy·s − p + ky, ox·s − p + kx] (0 in the padding).</summary>
    public static void Im2Col(in ConvGeometry g, float* x, float* cols)
    {
        var job = im2col ??= new Im2ColJob();
        job.G = g;
        job.X = x;
        job.Cols = cols;
        job.BatchBlocks = g.PatchSize >= 16 ? 1 : Math.Min(g.Batch, 8);
        Run(job, g.PatchSize * job.BatchBlocks, (long)g.PatchSize * g.Batch * g.OutPlane);
    }

    /// <summary>x[n, c, iy, ix] = Σ over the patches that read it (the adjoint of <see cref="Im2Col"/>); overwrites x.</summary>
    public static void Col2Im(in ConvGeometry g, float* cols, float* x)
    {
        var job = col2im ??= new Col2ImJob();
        job.G = g;
        job.X = x;
        job.Cols = cols;
        job.BatchBlocks = g.InChannels >= 8 ? 1 : Math.Min(g.Batch, 8);
        Run(job, g.InChannels * job.BatchBlocks, (long)g.PatchSize * g.Batch * g.OutPlane);
    }

    /// <summary>dst[c, n·P + i] = src[n, c, i] (toChannelMajor) or the reverse, for <paramref name="channels"/> planes of <paramref name="plane"/> values.</summary>
    public static void Reorder(int batch, int channels, int plane, float* src, float* dst, bool toChannelMajor)
    {
        var job = reorder ??= new ReorderJob();
        (job.Batch, job.Channels, job.Plane, job.ToChannelMajor) = (batch, channels, plane, toChannelMajor);
        job.Src = src;
        job.Dst = dst;
        Run(job, channels, (long)batch * channels * plane);
    }

    private static void Run(ParallelJob job, int parts, long floats)
    {
        if (floats < ParallelFloats)
            for (int i = 0; i < parts; i++) job.Run(i);
        else
            job.RunAll(parts);
    }

    /// <summary>The valid output range [lo, hi) along one axis for kernel offset <paramref name="kOff"/>: 0 ≤ o·s − p + kOff &lt; size.</summary>
    private static (int Lo, int Hi) Valid(int outSize, int size, int s, int p, int kOff)
    {
        int lo = Math.Max(0, (p - kOff + s - 1) / s);
        int hi = Math.Min(outSize, (size - 1 + p - kOff) / s + 1);
        if (p - kOff + s - 1 < 0) lo = 0;
        if (size - 1 + p - kOff < 0) hi = 0;
        return (lo, Math.Max(lo, hi));
    }

    private static (int Start, int End) Block(int count, int blocks, int b) =>
        ((int)((long)b * count / blocks), (int)((long)(b + 1) * count / blocks));

    private sealed class Im2ColJob : ParallelJob
    {
        public ConvGeometry G;
        public float* X, Cols;
        public int BatchBlocks;

        public override void Run(int part)
        {
            var g = G;
            int row = part / BatchBlocks;
            var (n0, n1) = Block(g.Batch, BatchBlocks, part % BatchBlocks);
            int kk = g.Kernel * g.Kernel;
            int c = row / kk, ky = row % kk / g.Kernel, kx = row % g.Kernel;
            int s = g.Stride, p = g.Padding, wo = g.OutWidth;
            var (ox0, ox1) = Valid(g.OutWidth, g.Width, s, p, kx);
            var (oy0, oy1) = Valid(g.OutHeight, g.Height, s, p, ky);
            long np = (long)g.Batch * g.OutPlane;
            for (int n = n0; n < n1; n++)
            {
                float* dst = Cols + row * np + (long)n * g.OutPlane;
                float* plane = X + ((long)n * g.InChannels + c) * g.InPlane;
                new Span<float>(dst, oy0 * wo).Clear();
                for (int oy = oy0; oy < oy1; oy++)
                {
                    float* d = dst + oy * wo;
                    float* src = plane + (oy * s - p + ky) * g.Width - p + kx;
                    int ox = 0;
                    for (; ox < ox0; ox++) d[ox] = 0f;
                    if (s == 1)
                        new ReadOnlySpan<float>(src + ox0, ox1 - ox0).CopyTo(new Span<float>(d + ox0, ox1 - ox0));
                    else
                        for (ox = ox0; ox < ox1; ox++) d[ox] = src[ox * s];
                    for (ox = ox1; ox < wo; ox++) d[ox] = 0f;
                }
                new Span<float>(dst + oy1 * wo, (g.OutHeight - oy1) * wo).Clear();
            }
        }
    }

    private sealed class Col2ImJob : ParallelJob
    {
        public ConvGeometry G;
        public float* X, Cols;
        public int BatchBlocks;

        public override void Run(int part)
        {
            var g = G;
            int c = part / BatchBlocks;
            var (n0, n1) = Block(g.Batch, BatchBlocks, part % BatchBlocks);
            int k = g.Kernel, s = g.Stride, p = g.Padding, wo = g.OutWidth;
            long np = (long)g.Batch * g.OutPlane;
            for (int n = n0; n < n1; n++)
            {
                float* plane = X + ((long)n * g.InChannels + c) * g.InPlane;
                new Span<float>(plane, g.InPlane).Clear();
                for (int ky = 0; ky < k; ky++)
                {
                    var (oy0, oy1) = Valid(g.OutHeight, g.Height, s, p, ky);
                    for (int kx = 0; kx < k; kx++)
                    {
                        var (ox0, ox1) = Valid(g.OutWidth, g.Width, s, p, kx);
                        float* src = Cols + ((c * k + ky) * k + kx) * np + (long)n * g.OutPlane;
                        for (int oy = oy0; oy < oy1; oy++)
                        {
                            float* d = plane + (oy * s - p + ky) * g.Width - p + kx;
                            float* r = src + oy * wo;
                            for (int ox = ox0; ox < ox1; ox++) d[ox * s] += r[ox];
                        }
                    }
                }
            }
        }
    }

    private sealed class ReorderJob : ParallelJob
    {
        public int Batch, Channels, Plane;
        public float* Src, Dst;
        public bool ToChannelMajor;

        public override void Run(int part)
        {
            int c = part;
            long np = (long)Batch * Plane;
            uint bytes = (uint)(Plane * sizeof(float));
            for (int n = 0; n < Batch; n++)
            {
                float* batchMajor = (ToChannelMajor ? Src : Dst) + ((long)n * Channels + c) * Plane;
                float* channelMajor = (ToChannelMajor ? Dst : Src) + c * np + (long)n * Plane;
                if (ToChannelMajor) System.Runtime.CompilerServices.Unsafe.CopyBlockUnaligned(channelMajor, batchMajor, bytes);
                else System.Runtime.CompilerServices.Unsafe.CopyBlockUnaligned(batchMajor, channelMajor, bytes);
            }
        }
    }
}

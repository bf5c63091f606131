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
            int kk = g.Kernel * g.Kernel, plane = g.OutPlane;
            int c = row / kk;
            var offsets = PatchOffsets.For(g).AsSpan(row % kk * plane, plane);
            long np = (long)g.Batch * plane;
            fixed (int* table = offsets)
            {
                for (int n = n0; n < n1; n++)
                    PatchOffsets.Gather(X + ((long)n * g.InChannels + c) * g.InPlane, table, Cols + row * np + (long)n * plane, plane);
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
            int kk = g.Kernel * g.Kernel, plane = g.OutPlane;
            long np = (long)g.Batch * plane;
            fixed (int* offsets = PatchOffsets.For(g))
            {
                for (int n = n0; n < n1; n++)
                {
                    float* image = X + ((long)n * g.InChannels + c) * g.InPlane;
                    new Span<float>(image, g.InPlane).Clear();
                    // Kernel offsets in a fixed order, so each pixel sums its contributions in the same order every time.
                    for (int r = 0; r < kk; r++)
                    {
                        float* src = Cols + (c * kk + r) * np + (long)n * plane;
                        int* table = offsets + r * plane;
                        for (int i = 0; i < plane; i++)
                        {
                            int at = table[i];
                            if (at >= 0) image[at] += src[i];
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

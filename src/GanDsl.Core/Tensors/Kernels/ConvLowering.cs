namespace GanDsl.Tensors.Kernels;

/// <summary>
/// The whole batch's im2col and col2im, and the reorders between batch-major [N, C, P] and channel-major [C, N·P],
/// as jobs for the persistent pool. Patches are laid out [Cin·k·k, N·Ho·Wo] so a convolution over the whole batch is
/// one GEMM. The per-plane loops live in <see cref="PlaneUnfold"/>; a whole-image patch is a transpose
/// (<see cref="WholeImagePatches"/>). Every part owns distinct output rows or planes and sums in a fixed order:
/// bit-identical for any thread count.
/// </summary>
internal static unsafe class ConvLowering
{
    // Below this many floats moved, waking the helper costs more than it saves.
    private const long ParallelFloats = 32 * 1024;

    [ThreadStatic] private static Im2ColJob? _im2col;
    [ThreadStatic] private static Col2ImJob? _col2im;
    [ThreadStatic] private static ReorderJob? _reorder;
    [ThreadStatic] private static TransposeJob? _transpose;

    /// <summary>cols[(c·k + ky)·k + kx, n·P + oy·Wo + ox] = x[n, c, oy·s − p + ky, ox·s − p + kx] (0 in the padding).</summary>
    public static void Im2Col(in ConvGeometry g, float* x, float* cols)
    {
        if (WholeImagePatches.Applies(g))
        {
            Transpose(x, g.PatchSize, cols, g.Batch, g.Batch, g.PatchSize);
            return;
        }
        var job = _im2col ??= new Im2ColJob();
        job.G = g;
        job.X = x;
        job.Cols = cols;
        job.BatchBlocks = g.PatchSize >= 16 ? 1 : Math.Min(g.Batch, 8);
        job.Windows = PatchWindow.All(g, job.Windows);
        Run(job, g.PatchSize * job.BatchBlocks, (long)g.PatchSize * g.Batch * g.OutPlane);
    }

    /// <summary>x[n, c, iy, ix] = Σ over the patches that read it (the adjoint of <see cref="Im2Col"/>); overwrites x.</summary>
    public static void Col2Im(in ConvGeometry g, float* cols, float* x)
    {
        if (WholeImagePatches.Applies(g))
        {
            Transpose(cols, g.Batch, x, g.PatchSize, g.PatchSize, g.Batch);
            return;
        }
        var job = _col2im ??= new Col2ImJob();
        job.G = g;
        job.X = x;
        job.Cols = cols;
        job.BatchBlocks = g.InChannels >= 8 ? 1 : Math.Min(g.Batch, 8);
        job.Windows = PatchWindow.All(g, job.Windows);
        Run(job, g.InChannels * job.BatchBlocks, (long)g.PatchSize * g.Batch * g.OutPlane);
    }

    /// <summary>dst[c, n·P + i] = src[n, c, i] (toChannelMajor) or the reverse, for <paramref name="channels"/> planes of <paramref name="plane"/> values.</summary>
    public static void Reorder(int batch, int channels, int plane, float* src, float* dst, bool toChannelMajor)
    {
        var job = _reorder ??= new ReorderJob();
        (job.Batch, job.Channels, job.Plane, job.ToChannelMajor) = (batch, channels, plane, toChannelMajor);
        job.Src = src;
        job.Dst = dst;
        Run(job, channels, (long)batch * channels * plane);
    }

    /// <summary>
    /// <see cref="Reorder"/> for channel <paramref name="c"/> alone, on the calling thread: one copy per image's plane. The
    /// channel-major side's rows are <paramref name="channelStride"/> apart (batch·plane when not given).
    /// </summary>
    public static void ReorderChannel(int batch, int channels, int plane, int c, float* src, float* dst, bool toChannelMajor,
        long channelStride = 0)
    {
        long np = channelStride > 0 ? channelStride : (long)batch * plane;
        for (int n = 0; n < batch; n++)
        {
            float* batchMajor = (toChannelMajor ? src : dst) + ((long)n * channels + c) * plane;
            float* channelMajor = (toChannelMajor ? dst : src) + c * np + (long)n * plane;
            if (toChannelMajor) ShortCopy.Floats(batchMajor, channelMajor, plane);
            else ShortCopy.Floats(channelMajor, batchMajor, plane);
        }
    }

    // dst[q·dstStride + r] = src[r·srcStride + q] for r < rows, q < columns; parts own distinct columns of src.
    private static void Transpose(float* src, int srcStride, float* dst, int dstStride, int rows, int columns)
    {
        var job = _transpose ??= new TransposeJob();
        job.Src = src;
        job.Dst = dst;
        (job.SrcStride, job.DstStride, job.Rows, job.Columns) = (srcStride, dstStride, rows, columns);
        int per = WholeImagePatches.ColumnsPerPart;
        Run(job, (columns + per - 1) / per, (long)rows * columns);
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
        public PatchWindow[] Windows = [];

        public override void Run(int part)
        {
            var g = G;
            int row = part / BatchBlocks;
            var (n0, n1) = Block(g.Batch, BatchBlocks, part % BatchBlocks);
            int kk = g.Kernel * g.Kernel, plane = g.OutPlane;
            int c = row / kk;
            long np = (long)g.Batch * plane;
            PlaneUnfold.Unfold(g, Windows[row % kk], X + ((long)n0 * g.InChannels + c) * g.InPlane, (long)g.InChannels * g.InPlane,
                Cols + row * np + (long)n0 * plane, n1 - n0);
        }
    }

    private sealed class Col2ImJob : ParallelJob
    {
        public ConvGeometry G;
        public float* X, Cols;
        public int BatchBlocks;
        public PatchWindow[] Windows = [];

        public override void Run(int part)
        {
            var g = G;
            int c = part / BatchBlocks;
            var (n0, n1) = Block(g.Batch, BatchBlocks, part % BatchBlocks);
            int kk = g.Kernel * g.Kernel, plane = g.OutPlane;
            long np = (long)g.Batch * plane;
            // Kernel offsets in a fixed order, so each pixel sums its contributions in the same order every time.
            PlaneUnfold.Fold(g, Windows.AsSpan(0, kk), Cols + (long)c * kk * np + (long)n0 * plane, np,
                X + ((long)n0 * g.InChannels + c) * g.InPlane, (long)g.InChannels * g.InPlane, n1 - n0);
        }
    }

    private sealed class TransposeJob : ParallelJob
    {
        public float* Src, Dst;
        public int SrcStride, DstStride, Rows, Columns;

        public override void Run(int part)
        {
            int q0 = part * WholeImagePatches.ColumnsPerPart;
            WholeImagePatches.Transpose(Src, SrcStride, Dst, DstStride, Rows, q0, Math.Min(Columns, q0 + WholeImagePatches.ColumnsPerPart));
        }
    }

    private sealed class ReorderJob : ParallelJob
    {
        public int Batch, Channels, Plane;
        public float* Src, Dst;
        public bool ToChannelMajor;

        public override void Run(int part) => ReorderChannel(Batch, Channels, Plane, part, Src, Dst, ToChannelMajor);
    }
}

namespace GanDsl.Tensors.Kernels;

// Implicit GEMM: the multiplies of the lowered path without the batch's patch matrix (for dcgan's 32→64 layer 12.8 MB,
// written to L3 and read back). The forward map and the input gradient work a few images at a time, each part on its own
// thread, through buffers that stay in L2: the forward map unfolds its images' patches straight into the GEMM's panels
// (PackedBRows) and multiplies them; the input gradient stores its images' gradient into the panels the same way,
// multiplies Wᵀ by it and folds the product into dx at once. The weight gradient packs patches
// straight from the image (PatchPanels, TransposedPatchPanels) and the gradient straight from NCHW (ChannelPanels). A
// GEMM's sums do not depend on how its columns are cut, and each pixel's fold adds the same offsets in the same order,
// so every map gives the lowered path's bits.
public static unsafe partial class Convolution
{
    // Patches of one part, in floats: half of a 1 MiB L2, so they are still there when the GEMM or the fold reads them.
    private const long ChunkFloats = 128 * 1024;

    [ThreadStatic] private static PatchPanels? _patchPanels;
    [ThreadStatic] private static ChannelPanels? _channelPanels;
    [ThreadStatic] private static TransposedPatchPanels? _transposedPatches;
    [ThreadStatic] private static ChunkJob? _chunks;

    /// <summary>Whether the lowered input gradient of <paramref name="g"/> multiplies on the packed path, the one whose sums a chunk repeats.</summary>
    private static bool ImplicitInputGradApplies(in ConvGeometry g) =>
        !WholeImagePatches.Applies(g) && !Gemm.TakesDirectLoops(true, false, g.PatchSize, g.Batch * g.OutPlane, g.OutChannels);

    private static void ForwardImplicit(in ConvGeometry g, float* x, float* w, float* y) => RunChunks(g, ConvMap.Forward, x, w, y);

    private static void InputGradImplicit(in ConvGeometry g, float* dy, float* w, float* dx) => RunChunks(g, ConvMap.InputGrad, dx, w, dy);

    // dw = dy as [Cout, N·P] times the patches transposed: the lowered GEMM, with both operands packed in place.
    private static void WeightGradImplicit(in ConvGeometry g, float* x, float* dy, float* dw)
    {
        var patches = _patchPanels ??= new PatchPanels();
        patches.Prepare(PatchGrid.Of(g, x));
        var gradient = _channelPanels ??= new ChannelPanels();
        gradient.Source = dy;
        (gradient.Channels, gradient.Plane) = (g.OutChannels, g.OutPlane);
        var rows = _transposedPatches ??= new TransposedPatchPanels();
        rows.Patches = patches;
        Gemm.Run(new GemmTask
        {
            TransB = true, M = g.OutChannels, N = g.PatchSize, K = g.Batch * g.OutPlane, Alpha = 1f,
            ASource = gradient, BSource = rows, C = dw, Ldc = g.PatchSize,
        });
    }

    private static void RunChunks(in ConvGeometry g, ConvMap map, float* x, float* w, float* y)
    {
        var job = _chunks ??= new ChunkJob();
        job.G = g;
        job.Map = map;
        job.X = x;
        job.W = w;
        job.Y = y;
        // Every part multiplies by the same weights: packed once here, not once per part (which cost as much as the
        // parts' own packing of their images).
        bool forward = map == ConvMap.Forward;
        var weights = new GemmTask
        {
            TransA = !forward, M = forward ? g.OutChannels : g.PatchSize, K = forward ? g.PatchSize : g.OutChannels,
            A = w, Lda = g.PatchSize,
        };
        Gemm.PackAllA(ref weights, ConvScratch.ForCurrentThread.Weights((nint)Gemm.PackedASize(weights)));
        job.PackedWeights = weights.PackedA;
        int largest = (int)Math.Clamp(ChunkFloats / ((long)g.PatchSize * g.OutPlane), 1, g.Batch);
        job.Windows = PatchWindow.All(g, job.Windows);
        job.RunAll(ShrinkingParts(g.Batch, largest, KernelSettings.Threads, ref job.Starts));
    }

    /// <summary>
    /// Cuts <paramref name="batch"/> images into parts of at most <paramref name="largest"/>, each at most 1/(2·threads) of
    /// the images still left, so the last parts shrink to one image and the threads run out of work at nearly the same
    /// time. With equal parts to the end, the thread done first waited for most of the other's last part: a temporary
    /// probe of dcgan's steps counted 3.3–4.1 ms a step of the caller waiting at the end of calls, 1.6–2.2 ms with
    /// shrinking parts. A GEMM's sums do not depend on how its columns are cut, so neither do the bits. Part p covers
    /// images [starts[p], starts[p + 1]); returns the part count.
    /// </summary>
    internal static int ShrinkingParts(int batch, int largest, int threads, ref int[] starts)
    {
        int parts = 0;
        for (int left = batch; left > 0; parts++) left -= PartSize(left, largest, threads);
        if (starts.Length < parts + 1) starts = new int[parts + 1];
        starts[0] = 0;
        for (int p = 0, at = 0; p < parts; p++) starts[p + 1] = at += PartSize(batch - at, largest, threads);
        return parts;
    }

    private static int PartSize(int left, int largest, int threads) =>
        threads == 1 ? Math.Min(left, largest) : Math.Clamp((left + 2 * threads - 1) / (2 * threads), 1, largest);

    /// <summary>One part: the images [Starts[part], Starts[part + 1]) of the batch, forward (x → y) or input gradient (y → x).</summary>
    private sealed class ChunkJob : ParallelJob
    {
        public ConvGeometry G;
        public ConvMap Map;
        public float* X, W, Y, PackedWeights;
        public int[] Starts = [];
        public PatchWindow[] Windows = [];

        public override void Run(int part)
        {
            var g = G;
            int n0 = Starts[part], images = Starts[part + 1] - n0;
            int columns = images * g.OutPlane, kk = g.Kernel * g.Kernel;
            // The product's rows are padded to whole panels: the panels' padding is zero, so the GEMM multiplies every tile
            // as a full one (a ragged tile ran through a scratch tile and copied out: 2.9 % of a dcgan profile's thread time) and its extra
            // columns are never read. Each element's sum is the same either way.
            int nr = PackedBRows.PanelWidth, padded = (columns + nr - 1) / nr * nr;
            var scratch = ConvScratch.ForCurrentThread;
            float* x = X + (long)n0 * g.InChannels * g.InPlane, y = Y + (long)n0 * g.OutChannels * g.OutPlane;
            long imageStride = (long)g.InChannels * g.InPlane;
            if (Map == ConvMap.Forward)
            {
                // B's rows are made a kernel row's k offsets at a time (they read the same input rows) in an L1 buffer and
                // stored straight into the GEMM's panels; row r = (c·k + ky)·k + kx.
                int k = g.Kernel;
                float* rows = scratch.Row((nint)k * columns);
                var patches = PackedBRows.Into(scratch.Cols((nint)PackedBRows.Size(g.PatchSize, columns)), g.PatchSize, columns);
                for (int r = 0; r < g.PatchSize; r += k)
                {
                    PlaneUnfold.UnfoldKernelRow(g, Windows.AsSpan(r % kk, k), x + r / kk * g.InPlane, imageStride, rows, columns, images);
                    for (int kx = 0; kx < k; kx++) patches.Store(r + kx, rows + kx * columns);
                }
                // The product channel-major [Cout, images·Ho·Wo] while it is in cache, then reordered into the NCHW output.
                float* product = scratch.ChannelMajor((nint)g.OutChannels * padded);
                Gemm.RunOnThisThread(new GemmTask
                {
                    M = g.OutChannels, N = padded, K = g.PatchSize, Alpha = 1f,
                    A = W, Lda = g.PatchSize, PackedA = PackedWeights, PackedB = patches.Panels, C = product, Ldc = padded,
                });
                for (int c = 0; c < g.OutChannels; c++)
                    ConvLowering.ReorderChannel(images, g.OutChannels, g.OutPlane, c, product, y, toChannelMajor: false, padded);
                return;
            }

            // The images' dy as the channel-major [Cout, images·Ho·Wo], read image by image (each image's planes are one
            // contiguous run) and stored plane by plane into the GEMM's panels.
            var gradient = PackedBRows.Into(scratch.ChannelMajor((nint)PackedBRows.Size(g.OutChannels, columns)), g.OutChannels, columns);
            for (int i = 0; i < images; i++)
                for (int c = 0; c < g.OutChannels; c++)
                    gradient.Store(c, i * g.OutPlane, y + ((long)i * g.OutChannels + c) * g.OutPlane, g.OutPlane);
            gradient.ClearPadding();
            float* cols = scratch.Cols((nint)g.PatchSize * padded);
            Gemm.RunOnThisThread(new GemmTask
            {
                TransA = true, M = g.PatchSize, N = padded, K = g.OutChannels, Alpha = 1f,
                A = W, Lda = g.PatchSize, PackedA = PackedWeights, PackedB = gradient.Panels, C = cols, Ldc = padded,
            });
            for (int c = 0; c < g.InChannels; c++)
                PlaneUnfold.Fold(g, Windows.AsSpan(0, kk), cols + (long)c * kk * padded, padded, x + (long)c * g.InPlane, imageStride, images);
        }
    }
}

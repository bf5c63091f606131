namespace GanDsl.Tensors.Kernels;

// Implicit GEMM: the multiplies of the lowered path with their operands read and written in place. Patches are packed
// into the GEMM's panels straight from the image (PatchPanels) and the product is written into NCHW planes (PlaneSink),
// so nothing the size of the patch matrix is stored. The forward map computes exactly the lowered path's sums.
public static unsafe partial class Convolution
{
    [ThreadStatic] private static PatchPanels? patchPanels;
    [ThreadStatic] private static PlaneSink? planeSink;
    [ThreadStatic] private static ChannelPanels? channelPanels;
    [ThreadStatic] private static TransposedPatchPanels? transposedPatches;

    private static void ForwardImplicit(in ConvGeometry g, float* x, float* w, float* y)
    {
        var patches = patchPanels ??= new PatchPanels();
        patches.Prepare(PatchGrid.Of(g, x));
        var sink = Sink(y, g.OutChannels, g.OutHeight, g.OutWidth, g.OutHeight, g.OutWidth, 1, 0, 0);
        Gemm.Run(new GemmTask
        {
            M = g.OutChannels, N = g.Batch * g.OutPlane, K = g.PatchSize, Alpha = 1f,
            A = w, Lda = g.PatchSize, BSource = patches, CSink = sink,
        });
    }

    // dw = dy as [Cout, N·P] times the patches transposed: the lowered GEMM, with both operands packed in place.
    private static void WeightGradImplicit(in ConvGeometry g, float* x, float* dy, float* dw)
    {
        var patches = patchPanels ??= new PatchPanels();
        patches.Prepare(PatchGrid.Of(g, x));
        var gradient = channelPanels ??= new ChannelPanels();
        gradient.Source = dy;
        (gradient.Channels, gradient.Plane) = (g.OutChannels, g.OutPlane);
        var rows = transposedPatches ??= new TransposedPatchPanels();
        rows.Patches = patches;
        Gemm.Run(new GemmTask
        {
            TransB = true, M = g.OutChannels, N = g.PatchSize, K = g.Batch * g.OutPlane, Alpha = 1f,
            ASource = gradient, BSource = rows, C = dw, Ldc = g.PatchSize,
        });
    }

    private static PlaneSink Sink(float* data, int channels, int height, int width, int gridHeight, int gridWidth, int stride, int ry, int rx)
    {
        var sink = planeSink ??= new PlaneSink();
        sink.Data = data;
        (sink.Channels, sink.Height, sink.Width, sink.GridHeight, sink.GridWidth) = (channels, height, width, gridHeight, gridWidth);
        (sink.Stride, sink.Ry, sink.Rx) = (stride, ry, rx);
        return sink;
    }
}

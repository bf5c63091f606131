namespace GanDsl.Tensors.Kernels;

// Implicit GEMM: the multiplies of the lowered path with their operands read and written in place. Patches are packed
// into the GEMM's panels straight from the image (PatchPanels, TransposedPatchPanels), the gradient straight from NCHW
// (ChannelPanels), and the forward map's product is written into the NCHW output (PlaneSink), so nothing the size of the
// patch matrix is stored. Both maps pack the lowered path's values into the same places: they compute its exact sums.
public static unsafe partial class Convolution
{
    [ThreadStatic] private static PatchPanels? _patchPanels;
    [ThreadStatic] private static PlaneSink? _planeSink;
    [ThreadStatic] private static ChannelPanels? _channelPanels;
    [ThreadStatic] private static TransposedPatchPanels? _transposedPatches;

    private static void ForwardImplicit(in ConvGeometry g, float* x, float* w, float* y)
    {
        var patches = _patchPanels ??= new PatchPanels();
        patches.Prepare(PatchGrid.Of(g, x));
        var sink = _planeSink ??= new PlaneSink();
        sink.Data = y;
        (sink.Channels, sink.Plane) = (g.OutChannels, g.OutPlane);
        Gemm.Run(new GemmTask
        {
            M = g.OutChannels, N = g.Batch * g.OutPlane, K = g.PatchSize, Alpha = 1f,
            A = w, Lda = g.PatchSize, BSource = patches, CSink = sink,
        });
    }

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
}

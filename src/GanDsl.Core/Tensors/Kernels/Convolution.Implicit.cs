namespace GanDsl.Tensors.Kernels;

// Implicit GEMM: the lowered path's multiply with its operands read and written in place. The patches are packed into
// the GEMM's panels straight from the image (PatchPanels) and the product is written into the NCHW output (PlaneSink),
// so nothing the size of the patch matrix is ever stored. The forward map computes exactly the lowered path's sums.
public static unsafe partial class Convolution
{
    [ThreadStatic] private static PatchPanels? patchPanels;
    [ThreadStatic] private static PlaneSink? planeSink;

    private static void ForwardImplicit(in ConvGeometry g, float* x, float* w, float* y)
    {
        var patches = patchPanels ??= new PatchPanels();
        patches.Prepare(PatchGrid.Of(g, x));
        var sink = planeSink ??= new PlaneSink();
        sink.Data = y;
        (sink.Channels, sink.Height, sink.Width, sink.GridHeight, sink.GridWidth) = (g.OutChannels, g.OutHeight, g.OutWidth, g.OutHeight, g.OutWidth);
        (sink.Stride, sink.Ry, sink.Rx) = (1, 0, 0);
        Gemm.Run(new GemmTask
        {
            M = g.OutChannels, N = g.Batch * g.OutPlane, K = g.PatchSize, Alpha = 1f,
            A = w, Lda = g.PatchSize, BSource = patches, CSink = sink,
        });
    }
}

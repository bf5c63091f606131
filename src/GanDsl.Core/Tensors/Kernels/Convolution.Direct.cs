namespace GanDsl.Tensors.Kernels;

// Stride-1 convolutions without lowering (DirectConvolution, DirectWeightGrad), and whole-image patches as plain matrix
// products. Inputs with padding are copied once with a zero border; the input gradient is the forward map over the
// gradient bordered by k − 1 − p, with the weights flipped and their channel axes swapped.
public static unsafe partial class Convolution
{
    private static bool DirectApplies(in ConvGeometry g, ConvMap map) => g.Stride == 1 && map switch
    {
        ConvMap.InputGrad => g.Padding <= g.Kernel - 1,
        ConvMap.WeightGrad => g.OutWidth <= DirectWeightGrad.MaxOutWidth,
        _ => true,
    };

    // Measured on the reference models (bench --conv): direct wins wherever one side has at most 4 channels, and for the
    // forward map up to 32 output channels (the GEMM's row blocks of 8 stay part empty below that, and im2col costs more).
    private static bool PrefersDirect(in ConvGeometry g, ConvMap map) =>
        Math.Min(g.InChannels, g.OutChannels) <= 4 || (map == ConvMap.Forward && g.OutChannels <= 32);

    private static void ForwardDirect(in ConvGeometry g, float* x, float* w, float* y)
    {
        var planes = Bordered(g, x, g.InChannels, g.Height, g.Width, g.Padding);
        DirectConvolution.Forward(planes, g.Batch, g.InChannels, w, g.OutChannels, g.Kernel, y, g.OutHeight, g.OutWidth);
    }

    private static void InputGradDirect(in ConvGeometry g, float* dy, float* w, float* dx)
    {
        var planes = Bordered(g, dy, g.OutChannels, g.OutHeight, g.OutWidth, g.Kernel - 1 - g.Padding);
        float* flipped = ConvScratch.ForCurrentThread.Weights((nint)g.OutChannels * g.PatchSize);
        PaddedPlanes.FlipTransposed(w, g.OutChannels, g.InChannels, g.Kernel, flipped);
        DirectConvolution.Forward(planes, g.Batch, g.OutChannels, flipped, g.InChannels, g.Kernel, dx, g.Height, g.Width);
    }

    private static void WeightGradDirect(in ConvGeometry g, float* x, float* dy, float* dw)
    {
        var planes = Bordered(g, x, g.InChannels, g.Height, g.Width, g.Padding);
        DirectWeightGrad.Run(planes, g.Batch, g.InChannels, dy, g.OutChannels, g.Kernel, g.OutHeight, g.OutWidth, dw);
    }

    // The planes as they are when there is no border to add, else a bordered copy in this thread's scratch.
    private static DirectConvolution.Planes Bordered(in ConvGeometry g, float* data, int channels, int height, int width, int border)
    {
        if (border == 0) return new(data, (long)channels * height * width, (long)height * width, width);
        int hp = height + 2 * border, wp = width + 2 * border;
        float* copy = ConvScratch.ForCurrentThread.Padded((nint)g.Batch * channels * hp * wp);
        PaddedPlanes.Copy(data, g.Batch * channels, height, width, border, copy);
        return new(copy, (long)channels * hp * wp, (long)hp * wp, wp);
    }

    // A whole-image patch (kernel = image, no padding, one output pixel) is image n's pixels in (c, ky, kx) order, so
    // with X = x as [N, Cin·k·k]: y = X·Wᵀ, dx = dy·W, dw = dyᵀ·X, with no copies. Each element is the lowered GEMM's
    // sum with its operands' roles swapped: the same products in the same order.
    private static void ForwardWholeImage(in ConvGeometry g, float* x, float* w, float* y) =>
        Gemm.Multiply(false, true, g.Batch, g.OutChannels, g.PatchSize, 1f, Span(x, g.Batch * g.PatchSize), g.PatchSize,
            Span(w, g.OutChannels * g.PatchSize), g.PatchSize, Span(y, g.Batch * g.OutChannels), g.OutChannels);

    private static void InputGradWholeImage(in ConvGeometry g, float* dy, float* w, float* dx) =>
        Gemm.Multiply(false, false, g.Batch, g.PatchSize, g.OutChannels, 1f, Span(dy, g.Batch * g.OutChannels), g.OutChannels,
            Span(w, g.OutChannels * g.PatchSize), g.PatchSize, Span(dx, g.Batch * g.PatchSize), g.PatchSize);

    private static void WeightGradWholeImage(in ConvGeometry g, float* x, float* dy, float* dw) =>
        Gemm.Multiply(true, false, g.OutChannels, g.PatchSize, g.Batch, 1f, Span(dy, g.Batch * g.OutChannels), g.OutChannels,
            Span(x, g.Batch * g.PatchSize), g.PatchSize, Span(dw, g.OutChannels * g.PatchSize), g.PatchSize);

    private static Span<float> Span(float* p, int length) => new(p, length);
}

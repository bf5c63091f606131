using GanDsl.Tensors;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Autograd;

public static partial class Ops
{
    /// <summary>2-D convolution: x [N, Cin, H, W], weight [Cout, Cin, k, k], bias [Cout].</summary>
    public static Tensor Conv2d(Tensor x, Tensor weight, Tensor? bias = null, int stride = 1, int padding = 0)
    {
        if (x.Rank != 4 || weight.Rank != 4 || x.Shape[1] != weight.Shape[1] || weight.Shape[2] != weight.Shape[3])
            throw new ArgumentException($"conv2d: input {x.Shape} does not fit weight {weight.Shape}; the input must be [N, {(weight.Rank == 4 ? weight.Shape[1] : -1)}, H, W] and the kernel square.");
        CheckStridePadding("conv2d", stride, padding);
        var g = ConvGeometry.ForConv(x.Shape[0], x.Shape[1], x.Shape[2], x.Shape[3], weight.Shape[0], weight.Shape[2], stride, padding);
        if (g.OutHeight <= 0 || g.OutWidth <= 0 || x.Shape[2] + 2 * padding < g.Kernel || x.Shape[3] + 2 * padding < g.Kernel)
            throw new ArgumentException($"conv2d: kernel {g.Kernel} is larger than the padded input {x.Shape[2] + 2 * padding}x{x.Shape[3] + 2 * padding} of {x.Shape}.");
        return AddChannelBias("conv2d", ConvForward(x, weight, g), bias);
    }

    /// <summary>
    /// Transposed 2-D convolution: x [N, Cin, H, W], weight [Cin, Cout, k, k] (PyTorch's layout), bias [Cout];
    /// Ho = (H − 1)·s − 2p + k + outputPadding.
    /// </summary>
    public static Tensor ConvTranspose2d(Tensor x, Tensor weight, Tensor? bias = null, int stride = 1, int padding = 0, int outputPadding = 0)
    {
        if (x.Rank != 4 || weight.Rank != 4 || x.Shape[1] != weight.Shape[0] || weight.Shape[2] != weight.Shape[3])
            throw new ArgumentException($"conv_transpose2d: input {x.Shape} does not fit weight {weight.Shape}; the input must be [N, {(weight.Rank == 4 ? weight.Shape[0] : -1)}, H, W] and the kernel square.");
        CheckStridePadding("conv_transpose2d", stride, padding);
        if (outputPadding < 0 || outputPadding >= stride)
            throw new ArgumentException($"conv_transpose2d: output padding {outputPadding} must be in [0, stride {stride}).");
        int k = weight.Shape[2];
        int ho = (x.Shape[2] - 1) * stride - 2 * padding + k + outputPadding;
        int wo = (x.Shape[3] - 1) * stride - 2 * padding + k + outputPadding;
        if (ho <= 0 || wo <= 0)
            throw new ArgumentException($"conv_transpose2d: the output size ({x.Shape[2]} − 1)·{stride} − 2·{padding} + {k} + {outputPadding} = {ho} is not positive for input {x.Shape}.");
        // The transposed convolution is the input-adjoint of the convolution that maps [Cout, Ho, Wo] back to [Cin, H, W].
        var g = new ConvGeometry(x.Shape[0], weight.Shape[1], ho, wo, weight.Shape[0], k, stride, padding, x.Shape[2], x.Shape[3]);
        return AddChannelBias("conv_transpose2d", ConvInputGrad(x, weight, g), bias);
    }

    private static void CheckStridePadding(string op, int stride, int padding)
    {
        if (stride <= 0) throw new ArgumentException($"{op}: stride must be positive but is {stride}.");
        if (padding < 0) throw new ArgumentException($"{op}: padding must not be negative but is {padding}.");
    }

    private static Tensor AddChannelBias(string op, Tensor y, Tensor? bias)
    {
        if (bias is null) return y;
        if (bias.Rank != 1 || bias.Shape[0] != y.Shape[1])
            throw new ArgumentException($"{op}: bias {bias.Shape} does not fit {y.Shape[1]} output channels.");
        return Add(y, Reshape(bias, 1, bias.Shape[0], 1, 1));
    }

    // The convolution is bilinear in (x, w); its three maps are closed under differentiation, which gives
    // double-backward for free: each backward is written with the other two.

    private static Tensor ConvForward(Tensor x, Tensor w, ConvGeometry g)
    {
        var y = Tensor.Pooled(Shape.Owning(g.Batch, g.OutChannels, g.OutHeight, g.OutWidth), clear: false);
        Convolution.Forward(g, x.Data, w.Data, y.Data);
        return Recorder.Record(y, "conv2d", x, w, gy => (
            x.RequiresGrad ? ConvInputGrad(gy, w, g) : null,
            w.RequiresGrad ? ConvWeightGrad(x, gy, g) : null));
    }

    private static Tensor ConvInputGrad(Tensor dy, Tensor w, ConvGeometry g)
    {
        var dx = Tensor.Pooled(Shape.Owning(g.Batch, g.InChannels, g.Height, g.Width), clear: false);
        Convolution.InputGrad(g, dy.Data, w.Data, dx.Data);
        return Recorder.Record(dx, "conv2d_input_grad", dy, w, h => (
            dy.RequiresGrad ? ConvForward(h, w, g) : null,
            w.RequiresGrad ? ConvWeightGrad(h, dy, g) : null));
    }

    private static Tensor ConvWeightGrad(Tensor x, Tensor dy, ConvGeometry g)
    {
        var dw = Tensor.Pooled(Shape.Owning(g.OutChannels, g.InChannels, g.Kernel, g.Kernel), clear: false);
        Convolution.WeightGrad(g, x.Data, dy.Data, dw.Data);
        return Recorder.Record(dw, "conv2d_weight_grad", x, dy, v => (
            x.RequiresGrad ? ConvInputGrad(dy, v, g) : null,
            dy.RequiresGrad ? ConvForward(x, v, g) : null));
    }
}

using GanDsl.Tensors;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Autograd;

public static partial class Ops
{
    /// <summary>
    /// leaky_relu(z + bias[c]) over z [N, C, …] with bias [C] (slope 0 is ReLU): a convolution's bias and the activation
    /// after it in one pass each way instead of two, with the bits of <see cref="Add"/> then <see cref="LeakyRelu"/>
    /// (<see cref="BiasActivationKernel"/>). Generated nets run it through <c>Conv2d.ForwardThen</c> and
    /// <c>ConvTranspose2d.ForwardThen</c>. A negative slope, or planes of one value, run as the two ops.
    /// </summary>
    public static Tensor ChannelBiasLeakyRelu(Tensor z, Tensor bias, float negativeSlope)
    {
        if (z.Rank < 2 || bias.Rank != 1 || bias.Shape[0] != z.Shape[1])
            throw new ArgumentException($"channel bias: bias {bias.Shape} does not fit input {z.Shape}; it must be [{(z.Rank < 2 ? -1 : z.Shape[1])}].");
        int n = z.Shape[0], channels = z.Shape[1], inner = z.Shape.Stride(1);
        if (!(negativeSlope >= 0) || inner < 2) return LeakyRelu(Add(z, Reshape(bias, BiasShape(z.Rank, channels))), negativeSlope);
        var y = Tensor.Pooled(z.Shape, clear: false); // every element is written
        BiasActivationKernel.Forward(z.Data, bias.Data, y.Data, n, channels, inner, negativeSlope);
        return Recorder.Record(y, negativeSlope == 0 ? "bias_relu" : "bias_leaky_relu", z, bias, g =>
        {
            // Double backward (a gradient penalty) composes the gradient from differentiable ops; y's sign is z + bias's.
            if (GradMode.IsEnabled)
            {
                var gradient = LeakyReluGrad(g, y, negativeSlope);
                return (z.RequiresGrad ? gradient : null, bias.RequiresGrad ? Reshape(SumTo(gradient, BiasShape(z.Rank, channels)), channels) : null);
            }
            var gz = Tensor.Pooled(z.Shape, clear: false);
            var gBias = bias.RequiresGrad ? Tensor.Pooled(bias.Shape, clear: false) : null;
            BiasActivationKernel.Backward(g.Data, y.Data, gz.Data, gBias?.Data, n, channels, inner, negativeSlope);
            return (z.RequiresGrad ? gz : null, gBias);
        });
    }

    // [1, C, 1, …]: the bias as the unfused Add broadcasts it.
    private static Shape BiasShape(int rank, int channels)
    {
        var dims = new int[rank];
        Array.Fill(dims, 1);
        dims[1] = channels;
        return new Shape(dims);
    }
}

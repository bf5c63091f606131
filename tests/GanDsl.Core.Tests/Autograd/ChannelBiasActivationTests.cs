using GanDsl.Autograd;
using GanDsl.Nn;
using GanDsl.Tensors;
using GanDsl.Tensors.Kernels;
using GanDsl.Core.Tests.Tensors.Kernels;

namespace GanDsl.Core.Tests.Autograd;

/// <summary>
/// A convolution's bias with the ReLU or leaky ReLU after it fused into one op (<see cref="Ops.ChannelBiasLeakyRelu"/>,
/// which generated nets run through <see cref="Conv2d.ForwardThen"/> and <see cref="ConvTranspose2d.ForwardThen"/>): the
/// bits of the add and the activation one after the other, forward and backward, at every width and thread count, its
/// gradients against finite differences, and its gradient's own gradient (a gradient penalty) against the two ops'.
/// </summary>
[Collection(nameof(GemmSerial))]
public class ChannelBiasActivationTests
{
    public static TheoryData<int[], float> Cases => new()
    {
        { new[] { 6, 5, 7, 9 }, 0.2f },    // planes of 63: whole vectors and a tail
        { new[] { 6, 5, 7, 9 }, 0f },      // ReLU
        { new[] { 40, 16, 34, 34 }, 0f },  // lightning-cnn's second transposed convolution, over the parallel threshold
        { new[] { 30, 1, 20, 20 }, 0.1f }, // one channel: the bias gradient is one sum over everything
        { new[] { 5, 3, 1, 2 }, 0.2f },    // planes of two values
        { new[] { 4, 3, 1, 1 }, 0.2f },    // planes of one value: the two ops themselves
        { new[] { 6, 4, 5, 5 }, -0.5f },   // a negative slope: the two ops themselves
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fused_bias_and_activation_give_the_bits_of_the_two_ops(int[] shape, float slope)
    {
        foreach (var width in new[] { VectorWidth.Bits512, VectorWidth.Bits256, VectorWidth.Scalar })
        foreach (int threads in new[] { 1, 2 })
        foreach (bool frozenBias in new[] { false, true })
        {
            using var scope = KernelSettings.Override(width, threads);
            var separate = Run(shape, slope, fused: false, frozenBias);
            var fused = Run(shape, slope, fused: true, frozenBias);
            for (int i = 0; i < separate.Length; i++)
                Assert.True(Bits(separate[i]).SequenceEqual(Bits(fused[i])),
                    $"{width}, {threads} threads, shape [{string.Join(", ", shape)}], slope {slope}, frozen bias {frozenBias}: result {i} differs");
        }
    }

    [Theory]
    [InlineData(0.2f)]
    [InlineData(0f)]
    public void Fused_bias_and_activation_match_finite_differences(float slope)
    {
        var rng = new Rng(12);
        var z = GradCheck.AwayFromZero(rng, 2, 3, 2, 3); // with a zero bias no value sits at the kink
        var bias = GradCheck.Random(rng, 3);
        for (int i = 0; i < bias.Size; i++) bias.Data[i] *= 0.05f;
        GradCheck.Assert(t => GradCheck.Weighted(Ops.ChannelBiasLeakyRelu(t[0], t[1], slope), 6), z, bias);
    }

    [Fact]
    public void A_gradient_penalty_through_the_fused_op_is_the_two_ops_penalty()
    {
        var rng = new Rng(13);
        var z = GradCheck.Random(rng, 3, 2, 4, 4);
        var bias = GradCheck.Random(rng, 2);
        float[] Penalty(bool fused)
        {
            var (x, b) = (z.Clone().RequireGrad(), bias.Clone().RequireGrad());
            Tensor Net(Tensor[] t) => GradCheck.Weighted(fused
                ? Ops.ChannelBiasLeakyRelu(Ops.Mul(t[0], t[0]), t[1], 0.2f)
                : Ops.LeakyRelu(Ops.Add(Ops.Mul(t[0], t[0]), Ops.Reshape(t[1], 1, 2, 1, 1)), 0.2f), 7);
            Engine.Backward(GradCheck.GradientPenalty(Net, [x, b]));
            // The penalty reaches the bias only through the activation's piecewise-constant slope: no gradient there.
            Assert.True(b.Grad is null || b.Grad.Data.All(v => v == 0));
            return x.Grad!.Data;
        }
        Assert.Equal(Bits(Penalty(fused: false)), Bits(Penalty(fused: true)));
    }

    [Fact]
    public void Convolutions_run_a_following_activation_fused_and_anything_else_after_them()
    {
        var x = GradCheck.Random(new Rng(3), 4, 3, 9, 9);
        var (plain, fused) = (new Conv2d(3, 5, 3), new Conv2d(3, 5, 3));
        plain.Initialize(Init.PyTorchDefault, new Rng(1));
        fused.Initialize(Init.PyTorchDefault, new Rng(1));
        Assert.Equal(Bits(new LeakyReLU(0.2).Forward(plain.Forward(x)).Data), Bits(fused.ForwardThen(new LeakyReLU(0.2), x).Data));
        Assert.Equal(Bits(new Tanh().Forward(plain.Forward(x)).Data), Bits(fused.ForwardThen(new Tanh(), x).Data));

        var (up, upFused) = (new ConvTranspose2d(3, 4, 4, 2, 1), new ConvTranspose2d(3, 4, 4, 2, 1));
        up.Initialize(Init.PyTorchDefault, new Rng(2));
        upFused.Initialize(Init.PyTorchDefault, new Rng(2));
        Assert.Equal(Bits(new ReLU().Forward(up.Forward(x)).Data), Bits(upFused.ForwardThen(new ReLU(), x).Data));

        var noBias = new Conv2d(3, 5, 3, bias: false);
        noBias.Initialize(Init.PyTorchDefault, new Rng(1));
        Assert.Equal(Bits(new ReLU().Forward(noBias.Forward(x)).Data), Bits(noBias.ForwardThen(new ReLU(), x).Data));
    }

    [Fact]
    public void Sequential_runs_a_convolution_and_its_activation_fused_with_the_bits_of_layer_by_layer()
    {
        var x = GradCheck.Random(new Rng(4), 2, 1, 8, 8).RequireGrad();
        Module[] layers = [new Conv2d(1, 4, 3), new LeakyReLU(0.2), new ConvTranspose2d(4, 2, 4, 2, 1), new ReLU()];
        var net = new Sequential(layers);
        net.Initialize(Init.PyTorchDefault, new Rng(1));
        var expected = x;
        foreach (var layer in layers) expected = layer.Forward(expected);
        var actual = net.Forward(x);
        Assert.Contains(expected.Data, v => v > 0);
        Assert.Equal(Bits(expected.Data), Bits(actual.Data));
        Assert.Equal("bias_relu", actual.GradFn!.Name); // the last pair ran fused
    }

    // y, then the gradients of z and (unless frozen) the bias under a weighted sum of y.
    private static float[][] Run(int[] shape, float slope, bool fused, bool frozenBias)
    {
        int c = shape[1];
        var rng = new Rng(17);
        var z = GradCheck.Random(rng, shape).RequireGrad();
        var bias = GradCheck.Random(rng, c);
        if (!frozenBias) bias.RequireGrad();
        var dims = Enumerable.Repeat(1, shape.Length).ToArray();
        dims[1] = c;
        var y = fused ? Ops.ChannelBiasLeakyRelu(z, bias, slope) : Ops.LeakyRelu(Ops.Add(z, Ops.Reshape(bias, dims)), slope);
        var output = (float[])y.Data.Clone();
        Engine.Backward(GradCheck.Weighted(y, 5));
        return frozenBias ? [output, z.Grad!.Data] : [output, z.Grad!.Data, bias.Grad!.Data];
    }

    private static int[] Bits(float[] values) => Array.ConvertAll(values, BitConverter.SingleToInt32Bits);
}

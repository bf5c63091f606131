using GanDsl.Autograd;
using GanDsl.Nn;
using GanDsl.Tensors;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Core.Tests.Autograd;

/// <summary>
/// Batch norm with the ReLU or leaky ReLU after it fused into one op (<see cref="Ops.BatchNormLeakyRelu"/>, which generated
/// nets run through <see cref="BatchNorm.ForwardThen"/>): the same bits as the two ops one after the other, forward and
/// backward, at every vector width, and its gradients against finite differences.
/// </summary>
public class BatchNormActivationTests
{
    public static TheoryData<int[], float> Cases => new()
    {
        { new[] { 6, 5, 7, 9 }, 0.2f }, // planes of 63: whole vectors and a tail per row
        { new[] { 6, 5, 7, 9 }, 0f },   // ReLU
        { new[] { 130, 4, 4, 4 }, 0.2f }, // more rows than one partial sum takes (1024 values)
        { new[] { 9, 12 }, 0.01f },     // BatchNorm1d over [N, C]: one value per row
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fused_batch_norm_and_activation_give_the_bits_of_the_two_ops(int[] shape, float slope)
    {
        foreach (var width in new[] { VectorWidth.Bits512, VectorWidth.Bits256, VectorWidth.Scalar })
        {
            using var scope = KernelSettings.Override(width);
            var separate = Run(shape, slope, fused: false);
            var fused = Run(shape, slope, fused: true);
            for (int i = 0; i < separate.Length; i++)
                Assert.True(Bits(separate[i]).SequenceEqual(Bits(fused[i])), $"{width}, shape [{string.Join(", ", shape)}], slope {slope}: result {i} differs");
        }
    }

    [Theory]
    [InlineData(0.2f)]
    [InlineData(0f)]
    public void Fused_batch_norm_and_activation_match_finite_differences(float slope)
    {
        // Values spread so no normalised value lies within 0.1 of the activation's kink, where differences would straddle it.
        int[] spread = [0, 1, 3, 7, 12, 13, 20, 30];
        var x = Tensor.FromArray(Enumerable.Range(0, 16).Select(i => spread[(i * 3) % 8] + 0.5f * (i / 8)).ToArray(), 2, 2, 2, 2);
        var rng = new Rng(9);
        var gamma = GradCheck.Positive(rng, 0.5f, 1.5f, 2);
        var beta = Tensor.Zeros(2);
        GradCheck.Assert(t => GradCheck.Weighted(Ops.BatchNormLeakyRelu(t[0], t[1], t[2], Tensor.Zeros(2), Tensor.Full(1f, 2), training: true, slope), 4),
            x, gamma, beta);
    }

    [Fact]
    public void Batch_norm_module_runs_a_following_activation_fused_and_any_other_module_after_it()
    {
        var x = GradCheck.Random(new Rng(3), 4, 3, 5, 5);
        var (plain, fused) = (new BatchNorm2d(3), new BatchNorm2d(3));
        var expected = new LeakyReLU(0.2).Forward(plain.Forward(x));
        var actual = fused.ForwardThen(new LeakyReLU(0.2), x);
        Assert.Equal(Bits(expected.Data), Bits(actual.Data));
        Assert.Equal(plain.RunningMean.Data, fused.RunningMean.Data);
        Assert.Equal(1f, fused.NumBatchesTracked.Data[0]);

        var tanh = new BatchNorm2d(3).ForwardThen(new Tanh(), x);
        Assert.Equal(Bits(new Tanh().Forward(new BatchNorm2d(3).Forward(x)).Data), Bits(tanh.Data));

        fused.Eval();
        Assert.Equal(Bits(new ReLU().Forward(fused.Forward(x)).Data), Bits(fused.ForwardThen(new ReLU(), x).Data));
    }

    [Fact]
    public void Sequential_runs_a_batch_norm_and_its_activation_fused_with_the_bits_of_layer_by_layer()
    {
        var x = GradCheck.Random(new Rng(4), 8, 6);
        Module[] layers = [new Linear(6, 5), new BatchNorm1d(5), new LeakyReLU(0.2), new Linear(5, 3), new BatchNorm1d(3), new ReLU()];
        var fused = new Sequential(layers);
        fused.Initialize(Init.PyTorchDefault, new Rng(1));
        var expected = x;
        foreach (var layer in layers) expected = layer.Forward(expected); // training mode: the running statistics do not enter
        Assert.Contains(expected.Data, v => v > 0);
        Assert.Equal(Bits(expected.Data), Bits(fused.Forward(x).Data));
    }

    // y, then the gradients of x, gamma and beta under a weighted sum of y, and the running statistics.
    private static float[][] Run(int[] shape, float slope, bool fused)
    {
        int c = shape[1];
        var rng = new Rng(17);
        var x = GradCheck.Random(rng, shape).RequireGrad();
        var gamma = GradCheck.Positive(rng, 0.5f, 1.5f, c).RequireGrad();
        var beta = GradCheck.Random(rng, c).RequireGrad();
        var (mean, variance) = (Tensor.Zeros(c), Tensor.Full(1f, c));
        var y = fused
            ? Ops.BatchNormLeakyRelu(x, gamma, beta, mean, variance, training: true, slope)
            : Ops.LeakyRelu(Ops.BatchNorm(x, gamma, beta, mean, variance, training: true), slope);
        var output = (float[])y.Data.Clone();
        Engine.Backward(GradCheck.Weighted(y, 5));
        return [output, x.Grad!.Data, gamma.Grad!.Data, beta.Grad!.Data, mean.Data, variance.Data];
    }

    private static int[] Bits(float[] values) => Array.ConvertAll(values, BitConverter.SingleToInt32Bits);
}

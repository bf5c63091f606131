using GanDsl.Autograd;
using GanDsl.Core.Tests.Autograd;
using GanDsl.Nn;
using GanDsl.Tensors;
using GanDsl.Tensors.Kernels;
using GanDsl.Core.Tests.Tensors.Kernels;

namespace GanDsl.Core.Tests.Nn;

/// <summary>
/// <see cref="Conv2d.ForwardWithOneHotPlanes"/> (<see cref="Ops.Conv2dWithOneHotPlanes"/>), which a conditional
/// discriminator's labelled pass runs instead of convolving the image beside its one-hot label planes: the same outputs and
/// gradients as that convolution, checked against finite differences and a gradient penalty, and a clear sentence for an
/// input or a label it cannot take; the same bits for any thread count at every vector width.
/// </summary>
[Collection(nameof(GemmSerial))]
public class OneHotPlanesConvTests
{
    [Theory]
    [InlineData(1, 10, 4, 2, 1, false)] // cgan's first layer: the image and ten label planes, 28x28 → 14x14
    [InlineData(3, 4, 3, 1, 1, true)]   // colour channels, a bias, stride 1
    [InlineData(2, 1, 5, 2, 2, false)]  // a single class, wide padding: the maps' borders differ most
    [InlineData(1, 3, 3, 2, 0, true)]   // no padding: every map is constant over its plane
    public void The_class_maps_give_the_convolution_beside_the_planes(int channels, int classes, int kernel, int stride, int padding, bool bias)
    {
        var rng = new Rng(11);
        var conv = new Conv2d(channels + classes, 6, kernel, stride, padding, bias);
        conv.Initialize(Init.Dcgan, rng);
        var x = GradCheck.Random(rng, 5, channels, 12, 12);
        int[] labels = [0, classes - 1, 0, classes / 2, classes - 1];

        var (planesOut, planesWeightGrad, planesBiasGrad, planesInputGrad) = Run(conv, x, labels, beside: true);
        var (mapsOut, mapsWeightGrad, mapsBiasGrad, mapsInputGrad) = Run(conv, x, labels, beside: false);

        AssertClose(planesOut, mapsOut);
        AssertClose(planesInputGrad, mapsInputGrad);
        AssertClose(planesWeightGrad, mapsWeightGrad);
        if (bias) AssertClose(planesBiasGrad!, mapsBiasGrad!);
    }

    [Fact]
    public void Each_vector_width_gives_the_same_bits_for_one_thread_and_two_and_the_planes_values()
    {
        var rng = new Rng(17);
        var conv = new Conv2d(1 + 10, 32, 4, 2, 1, bias: false); // cgan's first layer at a batch of 32
        conv.Initialize(Init.Dcgan, rng);
        var x = GradCheck.Random(rng, 32, 1, 28, 28);
        var labels = Enumerable.Range(0, 32).Select(i => i * 7 % 10).ToArray();
        foreach (var width in new[] { VectorWidth.Bits512, VectorWidth.Bits256, VectorWidth.Scalar })
        {
            (float[], float[], float[]?, float[]) RunWith(int threads, bool beside)
            {
                using var scope = KernelSettings.Override(width, threads);
                return Run(conv, x, labels, beside);
            }
            var one = RunWith(1, beside: false);
            var two = RunWith(2, beside: false);
            Assert.Equal(one.Item1, two.Item1);
            Assert.Equal(one.Item2, two.Item2);
            Assert.Equal(one.Item4, two.Item4);
            var planes = RunWith(2, beside: true);
            AssertClose(planes.Item1, one.Item1);
            AssertClose(planes.Item2, one.Item2);
            AssertClose(planes.Item4, one.Item4);
        }
    }

    [Fact]
    public void The_backward_uses_the_labels_of_its_pass_even_if_the_caller_reuses_the_array()
    {
        var rng = new Rng(19);
        var conv = new Conv2d(1 + 3, 2, 3, 1, 1, bias: false);
        conv.Initialize(Init.Dcgan, rng);
        var x = GradCheck.Random(rng, 3, 1, 5, 5);
        var (_, expected, _, _) = Run(conv, x, [0, 2, 1], beside: false);

        conv.ZeroGrad();
        int[] labels = [0, 2, 1];
        var y = conv.ForwardWithOneHotPlanes(x, labels);
        labels[1] = 0; // the next batch's labels written into the same array before this pass's backward
        Engine.Backward(Ops.Sum(Ops.Mul(y, GradCheck.Random(new Rng(21), y.Shape.ToArray()))));
        Assert.Equal(expected, conv.Weight.Grad!.Data);
    }

    [Fact]
    public void A_class_no_sample_has_gets_a_zero_gradient()
    {
        var rng = new Rng(3);
        var conv = new Conv2d(1 + 4, 2, 3, 1, 1, bias: false);
        conv.Initialize(Init.Dcgan, rng);
        var (_, weightGrad, _, _) = Run(conv, GradCheck.Random(rng, 3, 1, 6, 6), [0, 2, 0], beside: false);
        for (int o = 0; o < 2; o++)
            foreach (int unused in new[] { 1, 3 })
                for (int t = 0; t < 9; t++)
                    Assert.Equal(0f, weightGrad[(o * 5 + 1 + unused) * 9 + t]);
    }

    [Fact]
    public void The_op_matches_finite_differences_in_the_image_the_weight_and_the_bias()
    {
        var rng = new Rng(8);
        var x = GradCheck.Random(rng, 3, 2, 5, 5);
        var weight = GradCheck.Random(rng, 3, 2 + 3, 3, 3);
        var bias = GradCheck.Random(rng, 3);
        int[] labels = [2, 0, 2];
        GradCheck.Assert(t => GradCheck.Weighted(Ops.Conv2dWithOneHotPlanes(t[0], t[1], t[2], labels, 2, 1), 4), x, weight, bias);
    }

    [Theory]
    [InlineData(0)] // the penalty on the image's gradient, as a gradient penalty
    [InlineData(1)] // on the weight's: its backward runs the class maps' gradient (a sum by label) backwards
    public void A_gradient_penalty_through_the_op_matches_finite_differences(int wrt)
    {
        var rng = new Rng(9);
        var x = GradCheck.Random(rng, 3, 1, 5, 5);
        var weight = GradCheck.Random(rng, 2, 1 + 2, 3, 3);
        int[] labels = [1, 0, 1];
        Tensor F(Tensor[] t) => GradCheck.Weighted(Ops.Tanh(Ops.Conv2dWithOneHotPlanes(t[0], t[1], null, labels, 1, 1)), 6);
        GradCheck.Assert(t => GradCheck.GradientPenalty(F, t, wrt), [x, weight], 5e-3, 5e-2);
    }

    [Theory]
    [InlineData(true)]  // a bias and a LeakyReLU run fused (Ops.ChannelBiasLeakyRelu)
    [InlineData(false)] // no bias: the LeakyReLU runs after the convolution
    public void A_following_activation_gives_the_bits_of_the_two_layers_one_after_the_other(bool bias)
    {
        var rng = new Rng(13);
        var conv = new Conv2d(2 + 3, 4, 3, 2, 1, bias);
        conv.Initialize(Init.Dcgan, rng);
        var leaky = new LeakyReLU(0.2f);
        var x = GradCheck.Random(rng, 4, 2, 7, 7);
        int[] labels = [1, 2, 0, 1];
        var fused = conv.ForwardWithOneHotPlanes(x, labels, leaky).Data;
        var apart = leaky.Forward(conv.ForwardWithOneHotPlanes(x, labels)).Data;
        Assert.Equal(apart, fused);
    }

    [Theory]
    [InlineData(new[] { 2, 11, 8, 8 }, "1 to 10 channels, the label planes making up the 11, not [2, 11, 8, 8]")]
    [InlineData(new[] { 2, 64 }, "an image [N, c, H, W]")]
    public void An_image_it_cannot_take_is_named(int[] shape, string expected)
    {
        var conv = new Conv2d(11, 8, 4, 2, 1, bias: false);
        var error = Assert.Throws<ArgumentException>(() => conv.ForwardWithOneHotPlanes(Tensor.Zeros(shape), [0, 1]));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_label_outside_the_classes_is_named()
    {
        var conv = new Conv2d(11, 8, 4, 2, 1, bias: false);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => conv.ForwardWithOneHotPlanes(Tensor.Zeros(2, 1, 8, 8), [3, 10]));
        Assert.Contains("label 10 is outside [0, 10)", error.Message);
    }

    [Fact]
    public void Labels_that_do_not_match_the_batch_are_named()
    {
        var conv = new Conv2d(11, 8, 4, 2, 1, bias: false);
        var error = Assert.Throws<ArgumentException>(() => conv.ForwardWithOneHotPlanes(Tensor.Zeros(2, 1, 8, 8), [3]));
        Assert.Contains("1 labels for a batch of 2", error.Message);
    }

    // The layer on x beside its one-hot planes (what the labelled pass ran before) or through the class maps, and the
    // gradients of a weighted sum of the output.
    private static (float[] Output, float[] WeightGrad, float[]? BiasGrad, float[] InputGrad) Run(Conv2d conv, Tensor x, int[] labels, bool beside)
    {
        conv.ZeroGrad();
        var input = x.Clone().RequireGrad();
        int classes = conv.InChannels - x.Shape[1];
        var y = beside
            ? conv.Forward(Ops.Concat([input, Ops.OneHotPlanes(labels, classes, x.Shape[2], x.Shape[3])], 1))
            : conv.ForwardWithOneHotPlanes(input, labels);
        var weights = GradCheck.Random(new Rng(21), y.Shape.ToArray());
        Engine.Backward(Ops.Sum(Ops.Mul(y, weights)));
        return ((float[])y.Data.Clone(), (float[])conv.Weight.Grad!.Data.Clone(), (float[]?)conv.Bias?.Grad!.Data.Clone(), (float[])input.Grad!.Data.Clone());
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-5f + 1e-4f * Math.Abs(expected[i]),
                $"value {i}: {expected[i]} beside the planes, {actual[i]} through the class maps");
    }
}

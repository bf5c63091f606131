using GanDsl.Autograd;
using GanDsl.Core.Tests.Autograd;
using GanDsl.Nn;
using GanDsl.Tensors;

namespace GanDsl.Core.Tests.Nn;

/// <summary>
/// <see cref="Conv2d.ForwardLeadingChannels"/>, which a conditional discriminator's pass with blank label planes runs
/// instead of convolving the image beside planes of zeros: the same outputs and gradients as the convolution of the
/// image with the zeros appended, a zero gradient for the weights the zeros would have met, and a clear sentence for an
/// input it cannot take.
/// </summary>
public class LeadingChannelsTests
{
    [Theory]
    [InlineData(1, 11, false)] // cgan's first layer: the image and ten blank label planes
    [InlineData(3, 5, true)]   // colour channels, a bias
    [InlineData(4, 4, false)]  // no planes at all: the whole weight
    public void Leading_channels_give_the_convolution_of_the_input_beside_zero_planes(int channels, int inChannels, bool bias)
    {
        var rng = new Rng(5);
        var conv = new Conv2d(inChannels, 8, 4, 2, 1, bias);
        conv.Initialize(Init.Dcgan, rng);
        var x = GradCheck.Random(rng, 3, channels, 12, 12);
        var weights = GradCheck.Random(rng, 3, 8, 6, 6); // a weighted sum of the outputs as the loss

        var (planesOut, planesWeightGrad, planesInputGrad) = Run(conv, x, weights, blank: true);
        var (leadingOut, leadingWeightGrad, leadingInputGrad) = Run(conv, x, weights, blank: false);

        AssertClose(planesOut, leadingOut);
        AssertClose(planesInputGrad, leadingInputGrad);
        AssertClose(planesWeightGrad, leadingWeightGrad);
        int taps = 4 * 4;
        for (int o = 0; o < 8; o++)
            for (int c = channels; c < inChannels; c++)
                for (int t = 0; t < taps; t++)
                    Assert.Equal(0f, leadingWeightGrad[(o * inChannels + c) * taps + t]);
    }

    [Fact]
    public void Leading_channels_match_finite_differences()
    {
        var rng = new Rng(8);
        var conv = new Conv2d(4, 3, 3, 1, 1, bias: false);
        conv.Initialize(Init.Dcgan, rng);
        var x = GradCheck.Random(rng, 2, 2, 5, 5);
        GradCheck.Assert(t => GradCheck.Weighted(conv.ForwardLeadingChannels(t[0]), 3), x);
    }

    [Theory]
    [InlineData(true)]  // a bias and a LeakyReLU run fused (Ops.ChannelBiasLeakyRelu)
    [InlineData(false)] // no bias: the LeakyReLU runs after the convolution
    public void A_following_activation_gives_the_bits_of_the_two_layers_one_after_the_other(bool bias)
    {
        var rng = new Rng(14);
        var conv = new Conv2d(5, 4, 3, 2, 1, bias);
        conv.Initialize(Init.Dcgan, rng);
        var leaky = new LeakyReLU(0.2f);
        var x = GradCheck.Random(rng, 3, 2, 7, 7);
        Assert.Equal(leaky.Forward(conv.ForwardLeadingChannels(x)).Data, conv.ForwardLeadingChannels(x, leaky).Data);
    }

    [Theory]
    [InlineData(new[] { 2, 12, 8, 8 }, "1 to 11 channels, not [2, 12, 8, 8]")]
    [InlineData(new[] { 2, 64 }, "an input [N, c, H, W]")]
    public void An_input_it_cannot_take_is_named(int[] shape, string expected)
    {
        var conv = new Conv2d(11, 8, 4, 2, 1, bias: false);
        var error = Assert.Throws<ArgumentException>(() => conv.ForwardLeadingChannels(Tensor.Zeros(shape)));
        Assert.Contains(expected, error.Message);
    }

    // The layer on x beside zero planes (what the blank pass ran before) or on x alone, and the gradients of a weighted sum.
    private static (float[] Output, float[] WeightGrad, float[] InputGrad) Run(Conv2d conv, Tensor x, Tensor weights, bool blank)
    {
        conv.ZeroGrad();
        var input = x.Clone().RequireGrad();
        int n = x.Shape[0], zeros = conv.InChannels - x.Shape[1];
        var y = blank && zeros > 0
            ? conv.Forward(Ops.Concat([input, Tensor.Zeros(n, zeros, x.Shape[2], x.Shape[3])], 1))
            : conv.ForwardLeadingChannels(input);
        Engine.Backward(Ops.Sum(Ops.Mul(y, weights)));
        return ((float[])y.Data.Clone(), (float[])conv.Weight.Grad!.Data.Clone(), (float[])input.Grad!.Data.Clone());
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-5f + 1e-4f * Math.Abs(expected[i]),
                $"value {i}: {expected[i]} beside zero planes, {actual[i]} on the leading channels");
    }
}

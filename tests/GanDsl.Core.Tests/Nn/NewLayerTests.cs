using GanDsl.Autograd;
using GanDsl.Nn;
using GanDsl.Tensors;

namespace GanDsl.Core.Tests.Nn;

/// <summary>Behaviour of the issue-19 modules that a PyTorch comparison cannot show: random masks, convergence, refusals.</summary>
public class NewLayerTests
{
    [Fact]
    public void Spectral_norm_drives_the_weights_largest_singular_value_to_one_in_training_and_leaves_u_and_v_in_evaluation()
    {
        var linear = new Linear(3, 3, bias: false, spectralNorm: true);
        linear.Initialize(Init.PyTorchDefault, new Rng(5));
        Array.Copy(new[] { 4f, 0, 0, 0, 2f, 0, 0, 0, 1f }, linear.Weight.Data, 9); // singular values 4, 2, 1
        Assert.Equal(1.0, Norm(linear.WeightU!), 5);
        Assert.Equal(1.0, Norm(linear.WeightV!), 5);
        var x = Tensor.FromArray([1f, 0, 0], 1, 3);

        for (int i = 0; i < 30; i++) linear.Forward(x);
        Assert.Equal(1f, linear.Forward(x).Data[0], 3); // W/σ maps e₁ to e₁·4/4
        linear.Eval();
        var u = linear.WeightU!.Data.ToArray();
        var v = linear.WeightV!.Data.ToArray();
        linear.Forward(x);
        Assert.Equal(u, linear.WeightU!.Data);
        Assert.Equal(v, linear.WeightV!.Data);
    }

    [Fact]
    public void Spectral_norm_draws_u_and_v_after_the_weight_so_the_weight_is_the_plain_layers()
    {
        var plain = new Conv2d(2, 3, 3);
        var normalised = new Conv2d(2, 3, 3, spectralNorm: true);
        plain.Initialize(Init.PyTorchDefault, new Rng(9));
        normalised.Initialize(Init.PyTorchDefault, new Rng(9));
        Assert.Equal(plain.Weight.Data, normalised.Weight.Data);
        Assert.Equal(plain.Bias!.Data, normalised.Bias!.Data);
        Assert.Equal(["bias", "weight_orig", "weight_u", "weight_v"], normalised.StateDict().Select(e => e.Name));
        Assert.Equal(2 * 9, normalised.WeightV!.Size);
    }

    [Fact]
    public void Dropout2d_zeroes_whole_channels_with_probability_p_and_scales_the_rest()
    {
        var dropout = new Dropout2d(0.25);
        dropout.Initialize(Init.PyTorchDefault, new Rng(3));
        var x = Tensor.Full(2f, 400, 10, 2, 2);
        var y = dropout.Forward(x);
        int dropped = 0;
        for (int plane = 0; plane < 4000; plane++)
        {
            var values = y.Data.AsSpan(plane * 4, 4).ToArray();
            Assert.True(values.All(v => v == 0f) || values.All(v => v == 2f / 0.75f), $"plane {plane} is [{string.Join(", ", values)}]");
            if (values[0] == 0f) dropped++;
        }
        Assert.InRange(dropped / 4000.0, 0.22, 0.28);
        dropout.Eval();
        Assert.Same(x, dropout.Forward(x));
    }

    [Fact]
    public void Minibatch_std_dev_refuses_a_batch_its_group_does_not_divide()
    {
        var error = Assert.Throws<ArgumentException>(() => new MinibatchStdDev(4).Forward(Tensor.Zeros(6, 2, 3, 3)));
        Assert.Equal("MinibatchStdDev(4) needs a batch size divisible by its group size 4 but got 6; use a batch size that is a multiple of 4.", error.Message);
        Assert.Equal(new Shape(3, 3, 3, 3), new MinibatchStdDev(4).Forward(Tensor.Zeros(3, 2, 3, 3)).Shape); // a batch below 4 is one group
    }

    [Fact]
    public void Group_norm_refuses_channels_its_groups_do_not_divide_and_norms_refuse_the_wrong_input()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new GroupNorm(6, 4));
        Assert.StartsWith("GroupNorm(4) needs a channel count divisible by num_groups 4 but has 6; use a group count that divides 6.", error.Message);
        Assert.Equal("LayerNorm needs samples shaped [4, 2, 2] but receives [3, 4, 2, 3].",
            Assert.Throws<ArgumentException>(() => new LayerNorm([4, 2, 2]).Forward(Tensor.Zeros(3, 4, 2, 3))).Message);
        Assert.Equal("InstanceNorm2d(3) needs an input [N, 3, H, W] but receives [2, 3].",
            Assert.Throws<ArgumentException>(() => new InstanceNorm2d(3).Forward(Tensor.Zeros(2, 3))).Message);
    }

    [Fact]
    public void Label_modules_need_their_labels()
    {
        Assert.Equal("LabelProjection needs the labels too; call Forward(features, labels).",
            Assert.Throws<InvalidOperationException>(() => new LabelProjection(3, 4).Forward(Tensor.Zeros(2, 4))).Message);
        Assert.Equal("ClassConditionalAffine needs one label per sample but got 1 labels for 2 samples.",
            Assert.Throws<ArgumentException>(() => new ClassConditionalAffine(3, 4).Forward(Tensor.Zeros(2, 4), [1])).Message);
    }

    private static double Norm(Tensor t) => Math.Sqrt(t.Data.Sum(v => (double)v * v));
}

using GanDsl.Autograd;
using GanDsl.Nn;
using GanDsl.Tensors;

namespace GanDsl.Core.Tests.Nn;

public class LayerTests
{
    [Fact]
    public void Sequential_names_parameters_and_buffers_as_pytorch_does()
    {
        var net = new Sequential(new Linear(4, 3), new BatchNorm1d(3), new LeakyReLU(0.2), new Linear(3, 1, bias: false));
        Assert.Equal(new[] { "0.weight", "0.bias", "1.weight", "1.bias", "3.weight" }, net.NamedParameters().Select(p => p.Name));
        Assert.Equal(new[] { "0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var", "1.num_batches_tracked", "3.weight" },
            net.StateDict().Select(p => p.Name));
        Assert.Equal(4 * 3 + 3 + 3 + 3 + 3, net.ParameterElementCount());
    }

    [Fact]
    public void Default_init_draws_within_pytorch_fan_in_bounds()
    {
        var linear = new Linear(100, 50);
        var convT = new ConvTranspose2d(8, 4, 3);
        new Sequential(linear, convT).Initialize(Init.PyTorchDefault, new Rng(1));
        float linearBound = 1f / MathF.Sqrt(100), convTBound = 1f / MathF.Sqrt(4 * 3 * 3); // ConvTranspose2d: fan-in from dim 1 (out channels)
        Assert.All(linear.Weight.Data, v => Assert.InRange(v, -linearBound, linearBound));
        Assert.All(linear.Bias!.Data, v => Assert.InRange(v, -linearBound, linearBound));
        Assert.True(linear.Weight.Data.Max() > 0.9f * linearBound);
        Assert.All(convT.Weight.Data, v => Assert.InRange(v, -convTBound, convTBound));
        Assert.True(convT.Weight.Data.Max() > 0.8f * convTBound);
    }

    [Fact]
    public void Dcgan_init_draws_weights_from_normal_0_02_and_zero_biases()
    {
        var conv = new Conv2d(16, 32, 3);
        var bn = new BatchNorm2d(256);
        new Sequential(conv, bn).Initialize(Init.Dcgan, new Rng(2));
        double mean = conv.Weight.Data.Average(), std = Math.Sqrt(conv.Weight.Data.Average(v => (v - mean) * (v - mean)));
        Assert.InRange(mean, -0.002, 0.002);
        Assert.InRange(std, 0.019, 0.021);
        Assert.All(conv.Bias!.Data, v => Assert.Equal(0f, v));
        Assert.InRange(bn.Weight!.Data.Average(), 0.99, 1.01);
        Assert.All(bn.Bias!.Data, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Layer_shapes_follow_pytorch()
    {
        var x = Tensor.Zeros(2, 3, 8, 8);
        Assert.Equal(new Shape(2, 5, 4, 4), new Conv2d(3, 5, 4, 2, 1).Forward(x).Shape);
        Assert.Equal(new Shape(2, 5, 16, 16), new ConvTranspose2d(3, 5, 4, 2, 1).Forward(x).Shape);
        Assert.Equal(new Shape(2, 3, 4, 4), new MaxPool2d(2).Forward(x).Shape);
        Assert.Equal(new Shape(2, 3, 16, 16), new Upsample(2).Forward(x).Shape);
        Assert.Equal(new Shape(2, 192), new Flatten().Forward(x).Shape);
        Assert.Equal(new Shape(2, 12, 16), new Reshape(12, 16).Forward(x).Shape);
        Assert.Equal(new Shape(3, 4), new Embedding(10, 4).Forward(new[] { 1, 2, 9 }).Shape);
    }

    /// <remarks>
    /// The constructors word their errors as the compiler does (issue 13 unified them): "Dropout(1) needs a probability p
    /// in [0, 1) …" instead of "Dropout: p must be in [0, 1) …", "Linear(0) needs a positive out_features …" instead of
    /// "Linear: outFeatures must be positive …".
    /// </remarks>
    [Fact]
    public void Bad_layer_arguments_and_inputs_give_one_clear_sentence()
    {
        Assert.StartsWith("Dropout(1) needs a probability p in [0, 1) but has 1; use a value such as 0.3",
            Assert.Throws<ArgumentOutOfRangeException>(() => new Dropout(1.0)).Message);
        Assert.StartsWith("Linear(0) needs a positive out_features but has 0; use a value of at least 1",
            Assert.Throws<ArgumentOutOfRangeException>(() => new Linear(3, 0)).Message);
        Assert.StartsWith("Linear(4) needs a positive in_features but has 0; use a value of at least 1",
            Assert.Throws<ArgumentOutOfRangeException>(() => new Linear(0, 4)).Message);
        Assert.StartsWith("LeakyReLU(Infinity) needs a finite non-negative negative_slope but has Infinity",
            Assert.Throws<ArgumentOutOfRangeException>(() => new LeakyReLU(double.PositiveInfinity)).Message);
        Assert.StartsWith("BatchNorm2d needs a positive num_features but has 0",
            Assert.Throws<ArgumentOutOfRangeException>(() => new BatchNorm2d(0)).Message);
        Assert.StartsWith("Embedding needs a positive num_embeddings but has 0",
            Assert.Throws<ArgumentOutOfRangeException>(() => new Embedding(0, 3)).Message);
        var ex = Assert.Throws<ArgumentException>(() => new Linear(4, 2).Forward(Tensor.Zeros(3, 5)));
        Assert.Contains("[3, 5]", ex.Message);
        Assert.Contains("[2, 4]", ex.Message);
        var reshape = Assert.Throws<ArgumentException>(() => new Reshape(1, 28, 28).Forward(Tensor.Zeros(2, 100)));
        Assert.Contains("Reshape(1, 28, 28)", reshape.Message);
    }

    [Fact]
    public void Load_state_dict_refuses_a_parameter_of_the_wrong_shape_naming_it()
    {
        var net = new Sequential(new Linear(4, 3));
        var state = net.StateDict().ToDictionary(p => p.Name, p => p.Value);
        state["0.weight"] = Tensor.Zeros(3, 5);
        var ex = Assert.Throws<ArgumentException>(() => net.LoadStateDict(state));
        Assert.Contains("0.weight", ex.Message);
        Assert.Contains("[3, 5]", ex.Message);
        Assert.Contains("[3, 4]", ex.Message);
    }

    [Fact]
    public void Eval_mode_turns_dropout_off_and_batch_norm_to_running_statistics()
    {
        var net = new Sequential(new Dropout(0.5), new BatchNorm1d(2));
        net.Initialize(Init.PyTorchDefault, new Rng(1));
        net.Eval();
        var x = Tensor.FromArray(new[] { 1f, 2f, 3f, 4f }, 2, 2);
        var y = net.Forward(x);
        for (int i = 0; i < 4; i++) Assert.Equal(x.Data[i] / MathF.Sqrt(1f + 1e-5f), y.Data[i], 5);
    }
}

using GanDsl.Autograd;
using GanDsl.Tensors;

namespace GanDsl.Core.Tests.Parity;

/// <summary>max_pool2d, nearest upsampling and the activations: forward values and input gradients.</summary>
public class ElementwiseParityTests
{
    [Theory]
    [InlineData("max_pool2d_k2")]
    [InlineData("max_pool2d_k3_s2")]
    [InlineData("max_pool2d_k2_s1")]
    [InlineData("max_pool2d_k3_s1_ties")]
    public void MaxPool2d_matches_pytorch(string name)
    {
        var c = ParityData.Case(name);
        Check(c, x => Ops.MaxPool2d(x, c.Int("kernel"), c.Int("stride")));
    }

    [Theory]
    [InlineData("upsample_nearest_2")]
    [InlineData("upsample_nearest_3")]
    public void UpsampleNearest_matches_pytorch(string name)
    {
        var c = ParityData.Case(name);
        Check(c, x => Ops.UpsampleNearest(x, c.Int("factor")));
    }

    [Theory]
    [InlineData("leaky_relu_0.2")]
    [InlineData("leaky_relu_default")]
    public void LeakyRelu_matches_pytorch(string name)
    {
        var c = ParityData.Case(name);
        Check(c, x => Ops.LeakyRelu(x, c.Float("slope")));
    }

    [Fact]
    public void Relu_matches_pytorch() => Check(ParityData.Case("relu"), Ops.Relu);

    [Fact]
    public void Tanh_matches_pytorch() => Check(ParityData.Case("tanh"), Ops.Tanh);

    [Fact]
    public void Sigmoid_matches_pytorch() => Check(ParityData.Case("sigmoid"), Ops.Sigmoid);

    private static void Check(ParityCase c, Func<Tensor, Tensor> op)
    {
        var x = c.Tensor("x").RequireGrad();
        var y = op(x);
        ParityAssert.Close(c, "out", y);
        ParityAssert.Close(c, "grad_x", Engine.Grad(y, new[] { x }, gradOutput: c.Tensor("grad_out"))[0]);
    }
}

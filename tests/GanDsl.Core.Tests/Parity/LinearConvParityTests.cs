using GanDsl.Autograd;
using GanDsl.Tensors;

namespace GanDsl.Core.Tests.Parity;

/// <summary>Linear, conv2d and conv_transpose2d: forward values and the gradients for a fixed upstream gradient.</summary>
public class LinearConvParityTests
{
    [Theory]
    [InlineData("linear_bias")]
    [InlineData("linear_nobias")]
    [InlineData("linear_large")]
    public void Linear_matches_pytorch(string name)
    {
        var c = ParityData.Case(name);
        CheckWithGradients(c, (x, w, b) => Ops.Linear(x, w, b));
    }

    [Theory]
    [InlineData("conv2d_k3_s1_p0")]
    [InlineData("conv2d_k3_s1_p1")]
    [InlineData("conv2d_k3_s2_p1")]
    [InlineData("conv2d_k3_s2_p0_nobias")]
    [InlineData("conv2d_k4_s2_p1")]
    [InlineData("conv2d_k5_s1_p2")]
    [InlineData("conv2d_k1_s1_p0")]
    [InlineData("conv2d_k2_s3_p1")]
    public void Conv2d_matches_pytorch(string name)
    {
        var c = ParityData.Case(name);
        CheckWithGradients(c, (x, w, b) => Ops.Conv2d(x, w, b, c.Int("stride"), c.Int("padding")));
    }

    [Theory]
    [InlineData("conv_transpose2d_k3_s2_p1_op1")]
    [InlineData("conv_transpose2d_k4_s1_p0_from1x1")]
    [InlineData("conv_transpose2d_k3_s2_p1")]
    [InlineData("conv_transpose2d_k4_s2_p1")]
    [InlineData("conv_transpose2d_k4_s2_p1_nobias")]
    [InlineData("conv_transpose2d_k5_s3_p2_op1")]
    public void ConvTranspose2d_matches_pytorch(string name)
    {
        var c = ParityData.Case(name);
        CheckWithGradients(c, (x, w, b) =>
            Ops.ConvTranspose2d(x, w, b, c.Int("stride"), c.Int("padding"), c.Int("output_padding")));
    }

    /// <summary>Runs the op on the stored x, weight and (optional) bias; compares out and the gradients of ⟨out, grad_out⟩.</summary>
    private static void CheckWithGradients(ParityCase c, Func<Tensor, Tensor, Tensor?, Tensor> op)
    {
        var x = c.Tensor("x").RequireGrad();
        var w = c.Tensor("weight").RequireGrad();
        var b = c.OptionalTensor("bias")?.RequireGrad();
        var y = op(x, w, b);
        ParityAssert.Close(c, "out", y);

        var wrt = b is null ? new[] { x, w } : new[] { x, w, b };
        var grads = Engine.Grad(y, wrt, gradOutput: c.Tensor("grad_out"));
        ParityAssert.Close(c, "grad_x", grads[0]);
        ParityAssert.Close(c, "grad_weight", grads[1]);
        if (b is not null) ParityAssert.Close(c, "grad_bias", grads[2]);
        else Assert.False(c.Has("grad_bias"), $"{c.Name} stores a bias gradient but has no bias.");
    }
}

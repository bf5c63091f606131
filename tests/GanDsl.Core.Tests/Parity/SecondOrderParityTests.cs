using GanDsl.Autograd;

namespace GanDsl.Core.Tests.Parity;

/// <summary>Double backward: a WGAN-GP gradient penalty through conv2d, leaky_relu and linear, against PyTorch's create_graph.</summary>
public class SecondOrderParityTests
{
    [Fact]
    public void Gradient_penalty_and_its_parameter_gradients_match_pytorch()
    {
        var c = ParityData.Case("gradient_penalty");
        var x = c.Tensor("x").RequireGrad();
        string[] names = ["conv.weight", "conv.bias", "linear.weight", "linear.bias"];
        var p = names.Select(n => c.Tensor(n).RequireGrad()).ToArray();

        var h = Ops.LeakyRelu(Ops.Conv2d(x, p[0], p[1], stride: 1, padding: 1), 0.2f);
        var score = Ops.Linear(Ops.Flatten(h), p[2], p[3]);
        var gx = Engine.Grad(Ops.Sum(score), new[] { x }, createGraph: true)[0];
        ParityAssert.Close(c, "grad_x", gx);

        var norms = Ops.Sqrt(Ops.Sum(Ops.Square(Ops.Flatten(gx)), axis: 1));
        var penalty = Ops.Mean(Ops.Square(Ops.AddScalar(norms, -1f)));
        ParityAssert.Close(c, "penalty", penalty);
        var grads = Engine.Grad(penalty, p);
        for (int i = 0; i < names.Length; i++) ParityAssert.Close(c, "grad." + names[i], grads[i]);
    }
}

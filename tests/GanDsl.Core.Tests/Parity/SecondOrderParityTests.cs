using GanDsl.Autograd;
using GanDsl.Nn;
using GanDsl.Shapes;

namespace GanDsl.Core.Tests.Parity;

/// <summary>Double backward: WGAN-GP gradient penalties through conv2d, leaky_relu and linear, and through the normalisations, against PyTorch's create_graph.</summary>
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

    /// <summary>
    /// A critic with spectrally normalised convolutions and Linear, GroupNorm, InstanceNorm2d, MinibatchStdDev and LayerNorm:
    /// the penalty's gradient for every parameter, the input's gradient, and spectral norm's u and v after the one forward.
    /// </summary>
    [Fact]
    public void Gradient_penalty_through_the_normalisations_matches_pytorch()
    {
        var c = ParityData.Case("critic_gradient_penalty");
        var critic = LayerStack.Build([2, 6, 6],
            LayerSpec.Conv2d(4, 3, 1, 1, spectralNorm: true), LayerSpec.GroupNorm(2), LayerSpec.LeakyReLU(0.2),
            LayerSpec.Conv2d(4, 4, 2, 1, spectralNorm: true), LayerSpec.InstanceNorm2d(affine: true), LayerSpec.LeakyReLU(0.2),
            LayerSpec.MinibatchStdDev(4), LayerSpec.Flatten(), LayerSpec.LayerNorm(), LayerSpec.Linear(1, spectralNorm: true));
        ModuleParity.Loaded(c, critic).Train();
        var x = c.Tensor("x").RequireGrad();

        var gx = Engine.Grad(Ops.Sum(critic.Forward(x)), new[] { x }, createGraph: true)[0];
        ParityAssert.Close(c, "grad_x", gx);
        var norms = Ops.Sqrt(Ops.Sum(Ops.Square(Ops.Flatten(gx)), axis: 1));
        var penalty = Ops.Mean(Ops.Square(Ops.AddScalar(norms, -1f)));
        ParityAssert.Close(c, "penalty", penalty);

        var parameters = critic.NamedParameters().ToList();
        var grads = Engine.Grad(penalty, parameters.Select(p => p.Value).Prepend(x).ToArray());
        ParityAssert.Close(c, "penalty_grad_x", grads[0]);
        for (int i = 0; i < parameters.Count; i++) ParityAssert.Close(c, "grad." + parameters[i].Name, grads[i + 1]);
        foreach (var (name, buffer) in critic.NamedBuffers()) ParityAssert.Close(c, "after." + name, buffer);
    }
}

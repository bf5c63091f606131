using CsCheck;
using GanDsl.Autograd;
using GanDsl.Tensors;
using GanDsl.Tests;

namespace GanDsl.Core.Tests.Autograd;

/// <summary>
/// Gradients of gradients, as the gradient penalty and R1 need: the gradient of ‖∂f/∂x‖² with respect to x and the
/// parameters is checked against finite differences of that penalty.
/// </summary>
public class SecondOrderGradTests
{
    private static void AssertPenaltyGradient(Func<Tensor[], Tensor> f, params Tensor[] inputs) =>
        GradCheck.Assert(t => GradCheck.GradientPenalty(f, t), inputs, 5e-3, 5e-2);

    private static void AssertPenaltyGradient(double step, Func<Tensor[], Tensor> f, params Tensor[] inputs) =>
        GradCheck.Assert(t => GradCheck.GradientPenalty(f, t), inputs, 5e-3, 5e-2, step);

    [Fact]
    public void Linear_with_smooth_activations_is_twice_differentiable() =>
        Gen.Select(Gen.Byte, Gen.Byte, Sized.Int).ForAll((n, inF, seed) =>
    {
        var rng = new Rng((ulong)seed);
        var x = GradCheck.Random(rng, 1 + n % 3, 1 + inF % 4);
        var w = GradCheck.Random(rng, 3, x.Shape[1]);
        var b = GradCheck.Random(rng, 3);
        AssertPenaltyGradient(t => GradCheck.Weighted(Ops.Tanh(Ops.Linear(t[0], t[1], t[2])), seed), x, w, b);
        AssertPenaltyGradient(t => GradCheck.Weighted(Ops.Sigmoid(Ops.Linear(t[0], t[1], t[2])), seed), x, w, b);
    }, iter: 15);

    [Fact]
    public void Relu_and_leaky_relu_backward_are_differentiable() =>
        Gen.Select(Gen.Byte, Sized.Int).ForAll((n, seed) =>
    {
        var rng = new Rng((ulong)seed);
        var w1 = GradCheck.Random(rng, 4, 3);
        var w2 = GradCheck.Random(rng, 2, 4);
        // Keep every pre-activation W₁x away from the kink at 0, which a finite difference must not straddle.
        Tensor x;
        do x = GradCheck.Random(rng, 1 + n % 3, 3);
        while (Ops.MatMul(x, w1, transB: true).Data.Any(h => MathF.Abs(h) < 0.15f));
        // f = Σ R·(W₂ act(W₁x))²: the square keeps ∂f/∂x dependent on W₁ and x through the activation's mask.
        Func<Func<Tensor, Tensor>, Func<Tensor[], Tensor>> net = act => t =>
            GradCheck.Weighted(Ops.Square(Ops.MatMul(act(Ops.MatMul(t[0], t[1], transB: true)), t[2], transB: true)), seed);
        AssertPenaltyGradient(net(Ops.Relu), x, w1, w2);
        AssertPenaltyGradient(net(h => Ops.LeakyRelu(h, 0.2f)), x, w1, w2);
    }, iter: 15);

    [Fact]
    public void Conv2d_and_conv_transpose2d_are_twice_differentiable() =>
        Gen.Select(Gen.Byte, Gen.Byte, Sized.Int).ForAll((stride, padding, seed) =>
    {
        var rng = new Rng((ulong)seed);
        int s = 1 + stride % 2, p = padding % 2;
        var x = GradCheck.Random(rng, 2, 2, 4, 4);
        var w = GradCheck.Random(rng, 2, 2, 3, 3);
        var b = GradCheck.Random(rng, 2);
        AssertPenaltyGradient(t => GradCheck.Weighted(Ops.Tanh(Ops.Conv2d(t[0], t[1], t[2], s, p)), seed), x, w, b);
        var xt = GradCheck.Random(rng, 2, 2, 2, 2);
        AssertPenaltyGradient(t => GradCheck.Weighted(Ops.Tanh(Ops.ConvTranspose2d(t[0], t[1], t[2], s, p, s > 1 ? 1 : 0)), seed), xt, w, b);
    }, iter: 10);

    [Fact]
    public void Batch_norm_in_train_mode_is_twice_differentiable() =>
        Gen.Select(Gen.Bool, Sized.Int).ForAll((image, seed) =>
    {
        var rng = new Rng((ulong)seed);
        var x = image ? GradCheck.Spread(rng, 3, 2, 2, 2) : GradCheck.Spread(rng, 4, 2);
        var gamma = GradCheck.Positive(rng, 0.5f, 1.5f, 2);
        var beta = GradCheck.Random(rng, 2);
        AssertPenaltyGradient(2e-3, t => GradCheck.Weighted(Ops.Tanh(
            Ops.BatchNorm(t[0], t[1], t[2], Tensor.Zeros(2), Tensor.Full(1f, 2), training: true)), seed), x, gamma, beta);
    }, iter: 10);

    [Fact]
    public void Reductions_are_twice_differentiable() =>
        Gen.Select(Gen.Byte, Sized.Int).ForAll((n, seed) =>
    {
        var rng = new Rng((ulong)seed);
        var x = GradCheck.Random(rng, 1 + n % 3, 3);
        AssertPenaltyGradient(t => Ops.Sum(Ops.Square(Ops.Mean(Ops.Mul(t[0], t[0]), 1))), x);
        AssertPenaltyGradient(t => Ops.Mean(Ops.Square(Ops.Sum(Ops.Tanh(t[0]), 0, keepDim: true))), x);
    }, iter: 15);

    [Fact]
    public void Wgan_gp_penalty_of_a_linear_critic_with_unit_weights_is_zero_and_its_gradient_flows_to_the_weights()
    {
        var w = Tensor.FromArray(new[] { 0.6f, 0.8f }, 1, 2).RequireGrad();
        var x = Tensor.FromArray(new[] { 0.3f, -0.2f, 1f, 2f }, 2, 2).RequireGrad();
        var score = Ops.Sum(Ops.MatMul(x, w, transB: true));
        var g = Engine.Grad(score, new[] { x }, createGraph: true)[0];
        var norms = Ops.Sqrt(Ops.Sum(Ops.Square(g), 1));
        var penalty = Ops.Mean(Ops.Square(Ops.AddScalar(norms, -1f)));
        Assert.Equal(0f, penalty.Item(), 6);
        Engine.Backward(penalty);
        Assert.NotNull(w.Grad);
    }
}

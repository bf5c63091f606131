using CsCheck;
using GanDsl.Autograd;
using GanDsl.Nn;
using GanDsl.Tensors;
using GanDsl.Tests;
using GanDsl.Training;

namespace GanDsl.Core.Tests.Training;

public class GanLossesTests
{
    private static Tensor Scores(Rng rng, int n, float low, float high)
    {
        var t = new Tensor(new Shape(n, 1));
        rng.FillUniform(t.Data, low, high);
        return t;
    }

    [Fact]
    public void Cross_entropy_at_one_half_is_ln2_for_real_and_fake() =>
        Gen.Byte.ForAll(size =>
    {
        int n = 1 + size % 16;
        var half = Tensor.Full(0.5f, n, 1);
        var zeroLogit = Tensor.Zeros(n, 1);
        foreach (float target in new[] { 1f, 0f })
        {
            Assert.Equal(MathF.Log(2f), GanLosses.Bce(half, target, probabilities: true).Item(), 5);
            Assert.Equal(MathF.Log(2f), GanLosses.Bce(zeroLogit, target, probabilities: false).Item(), 5);
        }
        foreach (var loss in new[] { GanLoss.Minimax, GanLoss.NonSaturating })
            Assert.Equal(MathF.Log(2f), GanLosses.Discriminator(loss, half, half, probabilities: true).Item(), 5);
    }, iter: 50);

    [Fact]
    public void Non_saturating_generator_loss_decreases_as_D_of_G_rises() =>
        Sized.Int.ForAll(seed =>
    {
        var rng = new Rng((ulong)seed);
        float p1 = 0.01f + 0.97f * rng.NextFloat(), p2 = 0.01f + 0.97f * rng.NextFloat();
        if (MathF.Abs(p1 - p2) < 1e-3f) return;
        var (lo, hi) = p1 < p2 ? (p1, p2) : (p2, p1);
        float atLow = GanLosses.Generator(GanLoss.NonSaturating, Tensor.Full(lo, 3, 1), true).Item();
        float atHigh = GanLosses.Generator(GanLoss.NonSaturating, Tensor.Full(hi, 3, 1), true).Item();
        Assert.True(atHigh < atLow, $"G loss at D(G(z)) = {hi} is {atHigh}, not below {atLow} at {lo}");
        // the logit form is the same function of σ(x)
        float logit = MathF.Log(hi / (1 - hi));
        Assert.Equal(atHigh, GanLosses.Generator(GanLoss.NonSaturating, Tensor.Full(logit, 3, 1), false).Item(), 1e-4);
    }, iter: 100);

    [Fact]
    public void Hinge_discriminator_loss_is_zero_once_real_is_at_least_1_and_fake_at_most_minus_1() =>
        Gen.Select(Sized.Int, Gen.Byte).ForAll((seed, size) =>
    {
        var rng = new Rng((ulong)seed);
        int n = 1 + size % 8;
        var real = Scores(rng, n, 1f, 5f);
        var fake = Scores(rng, n, -5f, -1f);
        Assert.Equal(0f, GanLosses.Discriminator(GanLoss.Hinge, real, fake, false).Item());
        // and positive when a real score falls below the margin
        real.Data[0] = 0.5f;
        Assert.True(GanLosses.Discriminator(GanLoss.Hinge, real, fake, false).Item() > 0f);
    }, iter: 100);

    [Fact]
    public void Least_squares_is_zero_at_its_targets() =>
        Gen.Select(Gen.Byte, Gen.Byte).ForAll((size, smoothing) =>
    {
        int n = 1 + size % 8;
        float target = 0.7f + 0.3f * (smoothing / 255f);
        Assert.Equal(0f, GanLosses.Discriminator(GanLoss.LeastSquares, Tensor.Full(target, n, 1), Tensor.Zeros(n, 1), false, target).Item(), 6);
        Assert.Equal(0f, GanLosses.Generator(GanLoss.LeastSquares, Tensor.Full(1f, n, 1), false).Item(), 6);
    }, iter: 50);

    [Fact]
    public void Label_smoothing_changes_only_the_real_targets() =>
        Gen.Select(Sized.Int, Gen.Byte).ForAll((seed, smoothing) =>
    {
        var rng = new Rng((ulong)seed);
        float s = 0.5f + 0.5f * (smoothing / 255f);
        var real = Scores(rng, 5, 0.05f, 0.95f);
        var fake1 = Scores(rng, 5, 0.05f, 0.95f);
        var fake2 = Scores(rng, 5, 0.05f, 0.95f);
        foreach (var loss in new[] { GanLoss.NonSaturating, GanLoss.LeastSquares })
        {
            // The change smoothing makes does not depend on the fake scores: the fake targets stay 0.
            float d1 = GanLosses.Discriminator(loss, real, fake1, true, s).Item() - GanLosses.Discriminator(loss, real, fake1, true).Item();
            float d2 = GanLosses.Discriminator(loss, real, fake2, true, s).Item() - GanLosses.Discriminator(loss, real, fake2, true).Item();
            Assert.True(Math.Abs(d1 - d2) < 1e-4, $"smoothing moved the loss by {d1} with one fake batch and by {d2} with another"); // a tolerance, not rounding to 4 places, which flips at rounding boundaries
        }
        // and the generator's targets do not move either (it has no smoothing parameter at all)
        Assert.Equal(GanLosses.Generator(GanLoss.NonSaturating, fake1, true).Item(), GanLosses.Bce(fake1, 1f, true).Item());
    }, iter: 100);

    [Fact]
    public void Gradient_penalty_of_a_linear_critic_with_unit_norm_weights_is_zero() =>
        Gen.Select(Sized.Int, Gen.Byte).ForAll((seed, size) =>
    {
        var rng = new Rng((ulong)seed);
        int features = 2 + size % 6;
        var critic = new Linear(features, 1);
        critic.Initialize(Init.PyTorchDefault, rng);
        float norm = MathF.Sqrt(critic.Weight.Data.Sum(v => v * v));
        for (int i = 0; i < features; i++) critic.Weight.Data[i] /= norm;
        var real = Scores(rng, 4 * features, -1f, 1f);
        var fake = Scores(rng, 4 * features, -1f, 1f);
        var gp = Penalties.GradientPenalty(critic.Forward, Ops.Reshape(real, 4, features), Ops.Reshape(fake, 4, features), rng);
        Assert.Equal(0f, gp.Item(), 1e-5);
        // a critic with weight norm 2 is penalised (2 − 1)² = 1
        for (int i = 0; i < features; i++) critic.Weight.Data[i] *= 2f;
        Assert.Equal(1f, Penalties.GradientPenalty(critic.Forward, Ops.Reshape(real, 4, features), Ops.Reshape(fake, 4, features), rng).Item(), 1e-4);
    }, iter: 50);

    [Fact]
    public void Gradient_penalty_mixes_each_sample_at_its_own_alpha_and_draws_them_in_sample_order()
    {
        // D(x) = ½‖x‖² per sample has input gradient x, so the penalty is the mean of (‖x̂ᵢ‖ − 1)² at x̂ᵢ = αᵢ·realᵢ + (1 − αᵢ)·fakeᵢ.
        static Tensor Critic(Tensor x) => Ops.Scale(Ops.Sum(Ops.Square(x), 1), 0.5f);
        var real = Tensor.FromArray(new float[] { 3, 4, 0, 0 }, 2, 2);
        var fake = Tensor.FromArray(new float[] { 0, 0, 0, 2 }, 2, 2);
        // α = (1, 0): x̂ = ((3, 4), (0, 2)), norms 5 and 2, penalty ((5 − 1)² + (2 − 1)²) / 2
        Assert.Equal(8.5f, Penalties.GradientPenalty(Critic, real, fake, new float[] { 1f, 0f }).Item(), 4);
        var ex = Assert.Throws<ArgumentException>(() => Penalties.GradientPenalty(Critic, real, fake, new float[] { 1f }));
        Assert.StartsWith("The gradient penalty needs one α per sample, 2, but got 1.", ex.Message);

        var rng = new Rng(5);
        var copy = new Rng(5);
        float[] alpha = [copy.NextFloat(), copy.NextFloat()];
        Assert.Equal(Penalties.GradientPenalty(Critic, real, fake, alpha).Item(), Penalties.GradientPenalty(Critic, real, fake, rng).Item());
        Assert.Equal(copy.State, rng.State);
    }

    [Fact]
    public void R1_of_a_linear_critic_is_its_squared_weight_norm()
    {
        var critic = new Linear(3, 1);
        critic.Weight.Data[0] = 1f; critic.Weight.Data[1] = 2f; critic.Weight.Data[2] = 2f;
        var real = Tensor.FromArray(new float[] { 1, 2, 3, 4, 5, 6 }, 2, 3);
        Assert.Equal(9f, Penalties.R1(critic.Forward, real).Item(), 5);
    }

    [Fact]
    public void Wasserstein_and_hinge_generator_losses_are_minus_the_mean_critic_value()
    {
        var fake = Tensor.FromArray(new float[] { 1, 2, 3, 6 }, 4, 1);
        Assert.Equal(-3f, GanLosses.Generator(GanLoss.Wasserstein, fake, false).Item());
        Assert.Equal(-3f, GanLosses.Generator(GanLoss.Hinge, fake, false).Item());
        Assert.Equal(3f - 1f, GanLosses.Discriminator(GanLoss.Wasserstein, Tensor.Full(1f, 4, 1), fake, false).Item());
    }

    [Fact]
    public void Minimax_generator_loss_is_log_one_minus_D()
    {
        Assert.Equal(MathF.Log(1f - 0.3f), GanLosses.Generator(GanLoss.Minimax, Tensor.Full(0.3f, 2, 1), true).Item(), 5);
    }
}

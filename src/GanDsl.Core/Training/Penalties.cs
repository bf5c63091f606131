using GanDsl.Autograd;
using GanDsl.Tensors;

namespace GanDsl.Training;

/// <summary>Gradient regularisers of the discriminator, differentiable with respect to its parameters (double backward).</summary>
public static class Penalties
{
    /// <summary>
    /// WGAN-GP: mean over samples of (‖∇ₓ̂ D(x̂)‖₂ − 1)² at x̂ = α·real + (1 − α)·fake, one α ~ U[0, 1) per sample drawn from
    /// <paramref name="rng"/>. The caller multiplies by the penalty weight λ.
    /// </summary>
    public static Tensor GradientPenalty(Func<Tensor, Tensor> critic, Tensor real, Tensor fake, Rng rng)
    {
        var alpha = new float[real.Shape[0]];
        for (int i = 0; i < alpha.Length; i++) alpha[i] = rng.NextFloat();
        return GradientPenalty(critic, real, fake, alpha);
    }

    /// <summary>
    /// WGAN-GP at the given mixing weights: <paramref name="alpha"/> holds one α per sample (the training loop draws them,
    /// so every engine mixes the same samples).
    /// </summary>
    public static Tensor GradientPenalty(Func<Tensor, Tensor> critic, Tensor real, Tensor fake, ReadOnlySpan<float> alpha)
    {
        if (real.Shape != fake.Shape)
            throw new ArgumentException($"The gradient penalty needs real and fake batches of one shape but got {real.Shape} and {fake.Shape}.");
        int n = real.Shape[0], per = real.Size / Math.Max(1, n);
        if (alpha.Length != n)
            throw new ArgumentException($"The gradient penalty needs one α per sample, {n}, but got {alpha.Length}.", nameof(alpha));
        var mixed = new Tensor(real.Shape);
        for (int i = 0; i < n; i++)
        {
            float a = alpha[i];
            int o = i * per;
            for (int j = o; j < o + per; j++) mixed.Data[j] = a * real.Data[j] + (1f - a) * fake.Data[j];
        }
        mixed.RequiresGrad = true;
        var g = InputGradient(critic, mixed);
        // √(‖g‖² + ε) keeps the norm's gradient finite where g = 0
        var norms = Ops.Sqrt(Ops.AddScalar(Ops.Sum(Ops.Square(g), 1), 1e-12f));
        return Ops.Mean(Ops.Square(Ops.AddScalar(norms, -1f)));
    }

    /// <summary>
    /// R1 (Mescheder et al. 2018): mean over real samples of ‖∇ₓ D(x)‖². The loop adds (γ/2)·R1 for R1 weight γ.
    /// </summary>
    public static Tensor R1(Func<Tensor, Tensor> critic, Tensor real)
    {
        var x = new Tensor(real.Shape, real.Data) { RequiresGrad = true };
        var g = InputGradient(critic, x);
        return Ops.Mean(Ops.Sum(Ops.Square(g), 1));
    }

    /// <summary>∇ₓ Σ D(x), flattened to [N, features], with a graph for the second backward.</summary>
    private static Tensor InputGradient(Func<Tensor, Tensor> critic, Tensor x)
    {
        var scores = critic(x);
        var grad = Engine.Grad(Ops.Sum(scores), new[] { x }, createGraph: true)[0];
        return Ops.Reshape(grad, x.Shape[0], -1);
    }
}

using GanDsl.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.TorchSharp.Training;

/// <summary>
/// <see cref="GanLosses"/> and <see cref="Penalties"/> on torch tensors, term for term: the same formulas, targets, one-sided
/// label smoothing, halving of the cross-entropy and least-squares losses, and BCE on probabilities when D ends in Sigmoid
/// (log clamped at −100, as both engines do) or the stable BCE-with-logits otherwise.
/// </summary>
internal static class TorchLosses
{
    /// <summary>D's loss on real and fake scores, as <see cref="GanLosses.Discriminator"/>.</summary>
    public static Tensor Discriminator(GanLoss loss, Tensor realScores, Tensor fakeScores, bool probabilities, float realTarget) => loss switch
    {
        GanLoss.Minimax or GanLoss.NonSaturating => (Bce(realScores, realTarget, probabilities) + Bce(fakeScores, 0f, probabilities)) * 0.5f,
        GanLoss.LeastSquares => ((realScores - realTarget).square().mean() + fakeScores.square().mean()) * 0.5f,
        GanLoss.Hinge => nn.functional.relu(1f - realScores).mean() + nn.functional.relu(fakeScores + 1f).mean(),
        GanLoss.Wasserstein => fakeScores.mean() - realScores.mean(),
        _ => throw new ArgumentOutOfRangeException(nameof(loss), $"Unknown GAN loss {loss}."),
    };

    /// <summary>The class head's D term, as <see cref="ClassHeadLosses.Discriminator"/>: CE(real logits, the real labels).</summary>
    public static Tensor ClassHeadDiscriminator(Tensor realLogits, Tensor realLabels) => nn.functional.cross_entropy(realLogits, realLabels);

    /// <summary>The class head's G term, as <see cref="ClassHeadLosses.Generator"/>: CE(fake, the labels asked).</summary>
    public static Tensor ClassHeadGenerator(Tensor fakeLogits, Tensor fakeLabels) => nn.functional.cross_entropy(fakeLogits, fakeLabels);

    /// <summary>G's loss on the scores D gives its samples, as <see cref="GanLosses.Generator"/>.</summary>
    public static Tensor Generator(GanLoss loss, Tensor fakeScores, bool probabilities) => loss switch
    {
        GanLoss.Minimax => -Bce(fakeScores, 0f, probabilities),
        GanLoss.NonSaturating => Bce(fakeScores, 1f, probabilities),
        GanLoss.LeastSquares => (fakeScores - 1f).square().mean() * 0.5f,
        GanLoss.Hinge or GanLoss.Wasserstein => -fakeScores.mean(),
        _ => throw new ArgumentOutOfRangeException(nameof(loss), $"Unknown GAN loss {loss}."),
    };

    private static Tensor Bce(Tensor scores, float target, bool probabilities)
    {
        var t = torch.full_like(scores, target);
        return probabilities ? nn.functional.binary_cross_entropy(scores, t) : nn.functional.binary_cross_entropy_with_logits(scores, t);
    }

    /// <summary>
    /// WGAN-GP at the given per-sample α, as <see cref="Penalties.GradientPenalty(Func{GanDsl.Tensors.Tensor, GanDsl.Tensors.Tensor}, GanDsl.Tensors.Tensor, GanDsl.Tensors.Tensor, ReadOnlySpan{float})"/>:
    /// mean over samples of (√(‖∇ₓ̂ D(x̂)‖² + 1e-12) − 1)² at x̂ = α·real + (1 − α)·fake, differentiable in D's parameters.
    /// </summary>
    public static Tensor GradientPenalty(Func<Tensor, Tensor> critic, Tensor real, Tensor fake, Tensor alpha)
    {
        var a = alpha.view([real.shape[0], .. Enumerable.Repeat(1L, (int)real.dim() - 1)]);
        Tensor mixed;
        using (torch.no_grad()) mixed = a * real + (1f - a) * fake;
        mixed.requires_grad_(true);
        var g = InputGradient(critic, mixed);
        var norms = (g.square().sum(1) + 1e-12f).sqrt();
        return (norms - 1f).square().mean();
    }

    /// <summary>R1: mean over real samples of ‖∇ₓ D(x)‖², as <see cref="Penalties.R1"/>; the engine weighs it by γ/2.</summary>
    public static Tensor R1(Func<Tensor, Tensor> critic, Tensor real)
    {
        var x = real.detach().requires_grad_(true);
        return InputGradient(critic, x).square().sum(1).mean();
    }

    /// <summary>∇ₓ Σ D(x), flattened to [N, features], with a graph for the second backward.</summary>
    private static Tensor InputGradient(Func<Tensor, Tensor> critic, Tensor x)
    {
        var scores = critic(x);
        var grad = torch.autograd.grad([scores.sum()], [x], retain_graph: true, create_graph: true)[0];
        return grad.reshape(x.shape[0], -1);
    }
}

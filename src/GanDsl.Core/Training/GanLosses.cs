using GanDsl.Autograd;
using GanDsl.Tensors;

namespace GanDsl.Training;

/// <summary>
/// The losses of every <see cref="GanLoss"/> as pure functions of the discriminator's scores ([N, 1] or any shape, averaged).
/// The <c>probabilities</c> argument says whether scores are probabilities (D ends in Sigmoid) or logits; the cross-entropy
/// losses use the numerically stable BCE-with-logits form for logits. The other losses read scores as raw critic values.
/// </summary>
public static class GanLosses
{
    /// <summary>True for the losses built on binary cross-entropy (the only ones that accept a Sigmoid-ending D).</summary>
    public static bool IsCrossEntropy(GanLoss loss) => loss is GanLoss.Minimax or GanLoss.NonSaturating;

    /// <summary>
    /// D's loss on real and fake scores. <paramref name="realTarget"/> is the one-sided label smoothing value (1 = none):
    /// it replaces the real target of the cross-entropy and least-squares losses; fake targets never change.
    /// Cross-entropy is averaged over the two halves, ½(BCE(real, t) + BCE(fake, 0)), as the reference tutorials do.
    /// </summary>
    public static Tensor Discriminator(GanLoss loss, Tensor realScores, Tensor fakeScores, bool probabilities, float realTarget = 1f) => loss switch
    {
        GanLoss.Minimax or GanLoss.NonSaturating => Ops.Scale(Ops.Add(
            Bce(realScores, realTarget, probabilities), Bce(fakeScores, 0f, probabilities)), 0.5f),
        GanLoss.LeastSquares => Ops.Scale(Ops.Add(
            Ops.Mean(Ops.Square(Ops.AddScalar(realScores, -realTarget))), Ops.Mean(Ops.Square(fakeScores))), 0.5f),
        GanLoss.Hinge => Ops.Add(
            Ops.Mean(Ops.Relu(Ops.RSub(1f, realScores))), Ops.Mean(Ops.Relu(Ops.AddScalar(fakeScores, 1f)))),
        GanLoss.Wasserstein => Ops.Sub(Ops.Mean(fakeScores), Ops.Mean(realScores)),
        _ => throw new ArgumentOutOfRangeException(nameof(loss), $"Unknown GAN loss {loss}."),
    };

    /// <summary>G's loss on the scores D gives its samples.</summary>
    public static Tensor Generator(GanLoss loss, Tensor fakeScores, bool probabilities) => loss switch
    {
        // minimise log(1 − D(G(z))) = −BCE(D(G(z)), 0)
        GanLoss.Minimax => Ops.Neg(Bce(fakeScores, 0f, probabilities)),
        GanLoss.NonSaturating => Bce(fakeScores, 1f, probabilities),
        GanLoss.LeastSquares => Ops.Scale(Ops.Mean(Ops.Square(Ops.AddScalar(fakeScores, -1f))), 0.5f),
        GanLoss.Hinge or GanLoss.Wasserstein => Ops.Neg(Ops.Mean(fakeScores)),
        _ => throw new ArgumentOutOfRangeException(nameof(loss), $"Unknown GAN loss {loss}."),
    };

    /// <summary>Binary cross-entropy of scores against a constant target, mean over elements.</summary>
    public static Tensor Bce(Tensor scores, float target, bool probabilities)
    {
        var t = Tensor.Full(target, scores.Shape.ToArray());
        return probabilities ? Ops.BinaryCrossEntropy(scores, t) : Ops.BinaryCrossEntropyWithLogits(scores, t);
    }

    /// <summary>
    /// The mean score as a reader of training logs expects it: a probability for the cross-entropy losses
    /// (logits go through the sigmoid), the raw critic value otherwise.
    /// </summary>
    public static float MeanScore(GanLoss loss, Tensor scores, bool probabilities)
    {
        double sum = 0;
        bool squash = IsCrossEntropy(loss) && !probabilities;
        foreach (var s in scores.Data) sum += squash ? 1.0 / (1.0 + Math.Exp(-s)) : s;
        return scores.Size == 0 ? 0f : (float)(sum / scores.Size);
    }
}

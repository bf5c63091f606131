using GanDsl.Tensors;

namespace GanDsl.Training.Engines;

/// <summary>
/// What one discriminator update reads. The session fills these buffers (reused every step) and draws every random number in
/// them from its own <see cref="Rng"/>, so each engine trains on the same batches, noise, labels and α.
/// </summary>
/// <param name="Real">The real batch [BatchSize, …sample shape].</param>
/// <param name="RealLabels">The real batch's labels; null for an unconditional pair.</param>
/// <param name="Noise">Latent noise [BatchSize, LatentDim], standard normal.</param>
/// <param name="FakeLabels">The labels to generate; null for an unconditional pair.</param>
/// <param name="PenaltyAlpha">One α ~ U[0, 1) per sample for the gradient penalty's mix α·real + (1 − α)·fake; null when the penalty is off.</param>
/// <param name="KeepFakeForGenerator">True for the step's last update: keep the fake batch, with its graph into G, for the generator step.</param>
public readonly record struct DiscriminatorBatch(
    Tensor Real, int[]? RealLabels, Tensor Noise, int[]? FakeLabels, float[]? PenaltyAlpha, bool KeepFakeForGenerator);

/// <summary>The numbers of one discriminator update.</summary>
/// <param name="Loss">D's loss, penalties included.</param>
/// <param name="Penalty">The weighted gradient penalty and R1 terms included in <paramref name="Loss"/>.</param>
/// <param name="MeanReal">Mean D(x): a probability for the cross-entropy losses, the raw critic value otherwise (<see cref="GanLosses.MeanScore"/>).</param>
/// <param name="MeanFake">Mean D(G(z)) in the same units.</param>
/// <param name="GradNorm">The L2 norm of D's parameter gradients before the update.</param>
public readonly record struct DiscriminatorOutcome(float Loss, float Penalty, float MeanReal, float MeanFake, double GradNorm)
{
    /// <summary>True when the loss and the gradient norm (as a float) are finite: only then may the engine update D.</summary>
    public bool IsFinite => float.IsFinite(Loss) && float.IsFinite((float)GradNorm);
}

/// <summary>The numbers of one generator update: G's loss and the L2 norm of G's parameter gradients before the update.</summary>
public readonly record struct GeneratorOutcome(float Loss, double GradNorm)
{
    /// <summary>True when the loss and the gradient norm (as a float) are finite: only then may the engine update G.</summary>
    public bool IsFinite => float.IsFinite(Loss) && float.IsFinite((float)GradNorm);
}

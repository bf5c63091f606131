using GanDsl.Nn.Progressive;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>A generator: maps latent noise (and, when conditional, class labels) to samples.</summary>
public abstract class GeneratorModule : Module
{
    /// <summary>Length of one latent noise vector z; <see cref="Generate"/> takes z as [N, LatentDim].</summary>
    public abstract int LatentDim { get; }

    /// <summary>Number of classes for a conditional generator; 0 when unconditional.</summary>
    public abstract int Classes { get; }

    /// <summary>One sample's shape, without the batch dimension.</summary>
    public abstract int[] OutputShape { get; }

    /// <summary>
    /// Samples [N, ..<see cref="OutputShape"/>] for the noise <paramref name="z"/> [N, <see cref="LatentDim"/>] and, when
    /// conditional, one label in [0, <see cref="Classes"/>) per sample (null when unconditional).
    /// </summary>
    public abstract Tensor Generate(Tensor z, int[]? labels);

    /// <summary>An unconditional generation: <c>Generate(input, null)</c>.</summary>
    public override Tensor Forward(Tensor input) => Generate(input, null);

    /// <summary>
    /// Puts a generator whose forward pass changes with the training step (a progressive generator's stage and fade-in α)
    /// where a checkpoint saved it, so that it samples as it did then. The default does nothing.
    /// </summary>
    public virtual void RestoreProgress(ProgressState saved) { }
}

/// <summary>A discriminator (or critic): maps samples (and labels) to one score per sample, [N, 1].</summary>
public abstract class DiscriminatorModule : Module
{
    /// <summary>Number of classes for a conditional discriminator; 0 when unconditional.</summary>
    public abstract int Classes { get; }

    /// <summary>One sample's shape, without the batch dimension.</summary>
    public abstract int[] InputShape { get; }

    /// <summary>True when the stack ends in Sigmoid (scores are probabilities), false for logits/critic values.</summary>
    public abstract bool OutputsProbability { get; }

    /// <summary>
    /// One score per sample, [N, 1], for the samples <paramref name="x"/> [N, ..<see cref="InputShape"/>] and, when conditional,
    /// their labels (null when unconditional).
    /// </summary>
    public abstract Tensor Score(Tensor x, int[]? labels);

    /// <summary>
    /// True for a discriminator with a class head (<see cref="LabelConditioning.AuxiliaryClassifier"/>,
    /// <see cref="LabelConditioning.OneHotPlanesAndClassifier"/>): besides the score it predicts each sample's class from the
    /// sample alone, and the training loop adds that prediction's cross-entropy to both losses.
    /// </summary>
    public virtual bool ClassifiesSamples => false;

    /// <summary>
    /// For a discriminator that <see cref="ClassifiesSamples"/>: the scores [N, 1] of the samples <paramref name="x"/> given
    /// <paramref name="labels"/> (as <see cref="Score"/> gives them) and their class logits [N, <see cref="Classes"/>], which
    /// never depend on the labels (one pass for an auxiliary classifier, which scores without labels; a second pass with blank
    /// label planes for one-hot planes with a classifier).
    /// </summary>
    /// <exception cref="NotSupportedException">The discriminator has no class head.</exception>
    public virtual (Tensor Scores, Tensor ClassLogits) ScoreAndClassify(Tensor x, int[]? labels) =>
        throw new NotSupportedException($"{GetType().Name} has no class head; declare it with Conditioning = LabelConditioning.AuxiliaryClassifier or OneHotPlanesAndClassifier.");

    /// <summary>
    /// What the training losses read: the scores of <paramref name="x"/> and, for a discriminator that
    /// <see cref="ClassifiesSamples"/>, their class logits (null otherwise).
    /// </summary>
    public (Tensor Scores, Tensor? ClassLogits) Judge(Tensor x, int[]? labels) =>
        ClassifiesSamples ? ScoreAndClassify(x, labels) : (Score(x, labels), null);

    /// <summary>An unconditional score: <c>Score(input, null)</c>.</summary>
    public override Tensor Forward(Tensor input) => Score(input, null);
}

/// <summary>
/// A generator/discriminator pair that the adversarial loop trains. A pair whose nets change with the training step (a
/// progressive GAN) implements the three hooks; for every other pair their defaults do nothing.
/// </summary>
public interface IGan
{
    /// <summary>The generator, trained in place by the managed engine.</summary>
    GeneratorModule Generator { get; }

    /// <summary>The discriminator (or critic), trained in place by the managed engine.</summary>
    DiscriminatorModule Discriminator { get; }

    /// <summary>Called by the loop before every step with the number of steps completed so far.</summary>
    void OnStep(long completedSteps) { }

    /// <summary>The step-dependent state a checkpoint saves (a progressive GAN's stage, α and schedule); null when there is none.</summary>
    ProgressState? Progress => null;

    /// <summary>
    /// Takes back <see cref="Progress"/> from the checkpoint a run resumes from; throws <see cref="ArgumentException"/> with one
    /// sentence when it does not fit this pair.
    /// </summary>
    void RestoreProgress(ProgressState? saved) { }

    /// <summary>
    /// The training recipe the pair declares on its <c>[Gan&lt;G, D&gt;]</c> attribute, which the build has checked against its
    /// nets; null for a pair that has none (written by hand). <c>TrainingConfig.WithRecipe</c> applies it.
    /// </summary>
    GanRecipe? Recipe => null;
}

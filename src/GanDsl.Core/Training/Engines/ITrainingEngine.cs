using GanDsl.Nn;
using GanDsl.Tensors;

namespace GanDsl.Training.Engines;

/// <summary>
/// The tensor math of one run's training steps, and nothing else. <see cref="TrainingSession"/> owns the orchestration
/// (data order, epochs, the latent noise, fake labels and gradient-penalty α drawn from GanDsl's <see cref="Rng"/>,
/// divergence checks, fixed noise, checkpoints, resume) and calls an engine in this order for every step:
/// <see cref="BeginStep"/>, <see cref="TrainingConfig.CriticSteps"/> × <see cref="DiscriminatorStep"/> (the last one keeps
/// its fake batch), <see cref="GeneratorStep"/>, <see cref="EndStep"/> (also after a failure). An engine draws only its own
/// dropout masks. It is created per run from the pair and its configuration, holds its own copy of the weights (initialised
/// from the pair's managed nets, so one seed gives one starting point on every engine), and exchanges its whole state with
/// checkpoints through <see cref="CaptureState"/> and <see cref="LoadState"/> in the managed names, so a checkpoint written by
/// one engine resumes on any other. Not thread-safe.
/// </summary>
public interface ITrainingEngine : IDisposable
{
    /// <summary>The engine as run.json and checkpoints record it: <c>managed</c>, <c>torch</c>.</summary>
    string Name { get; }

    /// <summary>Where its tensors live: <c>cpu</c>, <c>cuda:0</c>.</summary>
    string Device { get; }

    /// <summary>Starts a step: the step's temporaries live until <see cref="EndStep"/>.</summary>
    void BeginStep();

    /// <summary>
    /// One discriminator update: generates the fake batch from <see cref="DiscriminatorBatch.Noise"/> and its labels, scores
    /// the real batch and the detached fake batch, adds the configured penalties (gradient penalty at the batch's α, R1 on the
    /// real batch) and steps D's optimizer; G is not changed. When <see cref="DiscriminatorBatch.KeepFakeForGenerator"/> is
    /// set, the fake batch keeps its graph into G for <see cref="GeneratorStep"/>.
    /// A loss that is not finite is returned without a backward pass or an update (its gradient norm is then NaN); a
    /// gradient norm that is not finite as a float is returned without an update. The session stops the run on either.
    /// </summary>
    DiscriminatorOutcome DiscriminatorStep(in DiscriminatorBatch batch);

    /// <summary>
    /// One generator update through D on the fake batch kept by this step's last <see cref="DiscriminatorStep"/>, with D's
    /// parameters frozen (D neither changes nor accumulates gradients), then the generator average when
    /// <see cref="TrainingConfig.EmaDecay"/> is on. Non-finite values are returned without an update, as in the D step.
    /// </summary>
    GeneratorOutcome GeneratorStep();

    /// <summary>Ends the step begun by <see cref="BeginStep"/> and frees its temporaries, whether or not it completed.</summary>
    void EndStep();

    /// <summary>
    /// G's output for <paramref name="noise"/> [N, LatentDim] (and <paramref name="labels"/> when conditional) as a new
    /// managed tensor: in eval mode, without gradient, with the generator average when kept. Changes no training state.
    /// </summary>
    Tensor Sample(Tensor noise, int[]? labels);

    /// <summary>
    /// Everything a checkpoint keeps of the engine, as managed tensors in the managed engine's names and layout. Tensors may be
    /// the engine's own (the managed engine copies nothing): write them out before the next step. Afterwards the pair's
    /// managed nets hold the engine's current weights (an engine that keeps its own copy writes them there), so sampling,
    /// evaluation and export from the pair see what the engine trained.
    /// </summary>
    EngineState CaptureState();

    /// <summary>
    /// Takes back a state in <see cref="CaptureState"/>'s names and shapes (the session checks the fit against a fresh
    /// engine's <see cref="CaptureState"/> first and reports a misfit in one sentence, so this may assume it).
    /// </summary>
    void LoadState(EngineState state);
}

/// <summary>Makes a run's engine; the caller of <see cref="Adversarial.Train"/> chooses it (the managed one by default).</summary>
public interface ITrainingEngineFactory
{
    /// <summary>
    /// An engine for <paramref name="gan"/> (whose managed nets give the layers and the initial weights) with the
    /// optimizers, losses, penalties and average that <paramref name="config"/> sets; the config is already validated.
    /// </summary>
    ITrainingEngine Create(IGan gan, TrainingConfig config);
}

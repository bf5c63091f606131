using GanDsl.Tensors;

namespace GanDsl.Training;

/// <summary>The outcome of <see cref="Adversarial"/>.Train.</summary>
/// <param name="Session">The trained state (networks, optimizers, fixed noise); step it further or sample from it.</param>
/// <param name="Cancelled">True when the cancellation token stopped training (a checkpoint was still written).</param>
/// <param name="LastCheckpoint">The folder of the final checkpoint, or null when no run folder was given.</param>
/// <param name="LastStep">The last step's report, or null when no step ran.</param>
public sealed record TrainingRun(TrainingSession Session, bool Cancelled, string? LastCheckpoint, StepReport? LastStep)
{
    /// <summary>Steps completed in the run, across resumes.</summary>
    public long Steps => Session.Progress.Step;

    /// <summary>G's output for the run's fixed noise (eval mode, EMA weights when enabled).</summary>
    public Tensor Samples() => Session.SampleFixedNoise();
}

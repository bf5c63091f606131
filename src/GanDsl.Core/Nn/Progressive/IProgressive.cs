namespace GanDsl.Nn.Progressive;

/// <summary>
/// A GAN that grows during training. The shared loop calls <see cref="Advance"/> before every step and saves
/// <see cref="Progress"/> in each checkpoint; resuming calls <see cref="Restore"/>, so a run resumed across a stage
/// boundary continues exactly as an uninterrupted one.
/// </summary>
public interface IProgressive
{
    ProgressiveSchedule Schedule { get; }

    int StageCount { get; }

    /// <summary>The current stage and α.</summary>
    ProgressState Progress { get; }

    /// <summary>Moves both nets to the stage and α of the step that follows <paramref name="completedSteps"/> steps.</summary>
    void Advance(long completedSteps);

    /// <summary>Sets the stage and α saved in a checkpoint; throws <see cref="ArgumentException"/> when it was written with another schedule or stage count.</summary>
    void Restore(ProgressState state);
}

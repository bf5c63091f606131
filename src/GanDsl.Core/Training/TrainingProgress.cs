using GanDsl.Training.Checkpoints;

namespace GanDsl.Training;

/// <summary>Mean discriminator and generator losses over the steps of one epoch (or of the part of it taken so far).</summary>
public readonly record struct EpochLosses(float Discriminator, float Generator);

/// <summary>
/// Where a run stands: steps taken, epochs completed, the position in the current epoch, and the loss sums of that epoch.
/// The one owner of this bookkeeping: <see cref="TrainingSession"/> counts each step here, which says when an epoch ends and
/// with what mean losses. It holds no tensors, so every engine's session shares it.
/// </summary>
public sealed class TrainingProgress
{
    private double _discriminatorLossSum;
    private double _generatorLossSum;

    internal TrainingProgress(RunLength length) => Length = length;

    /// <summary>The run's step arithmetic (steps per epoch, total steps).</summary>
    public RunLength Length { get; }

    /// <summary>Steps completed in the run (across resumes).</summary>
    public long Step { get; private set; }

    /// <summary>Epochs completed in the run (across resumes).</summary>
    public int CompletedEpochs { get; private set; }

    /// <summary>Steps taken in the current epoch: the position in its data order.</summary>
    public int StepInEpoch { get; private set; }

    /// <summary>The 1-based epoch the next step belongs to.</summary>
    public int CurrentEpoch => CompletedEpochs + 1;

    /// <summary>True once the run has taken <see cref="RunLength.TotalSteps"/> steps.</summary>
    public bool Finished => Step >= Length.TotalSteps;

    /// <summary>Mean losses over the steps taken so far in the current epoch; zeros before its first step.</summary>
    public EpochLosses CurrentEpochMeans => StepInEpoch == 0 ? default
        : new EpochLosses((float)(_discriminatorLossSum / StepInEpoch), (float)(_generatorLossSum / StepInEpoch));

    /// <summary>Counts one step and its losses; returns the epoch's mean losses when this step completed it, null otherwise.</summary>
    internal EpochLosses? Count(float discriminatorLoss, float generatorLoss)
    {
        Step++;
        StepInEpoch++;
        _discriminatorLossSum += discriminatorLoss;
        _generatorLossSum += generatorLoss;
        if (StepInEpoch != Length.StepsPerEpoch) return null;
        var means = CurrentEpochMeans;
        CompletedEpochs++;
        StepInEpoch = 0;
        (_discriminatorLossSum, _generatorLossSum) = (0, 0);
        return means;
    }

    /// <summary>The counters as a checkpoint records them.</summary>
    internal CheckpointState WriteTo(CheckpointState state) => state with
    {
        Step = Step,
        CompletedEpochs = CompletedEpochs,
        StepInEpoch = StepInEpoch,
        EpochDiscriminatorLossSum = _discriminatorLossSum,
        EpochGeneratorLossSum = _generatorLossSum,
    };

    /// <summary>Takes the counters back from a checkpoint, so a resumed run continues the interrupted one's epoch.</summary>
    internal void ReadFrom(CheckpointState state)
    {
        (Step, CompletedEpochs, StepInEpoch) = (state.Step, state.CompletedEpochs, state.StepInEpoch);
        (_discriminatorLossSum, _generatorLossSum) = (state.EpochDiscriminatorLossSum, state.EpochGeneratorLossSum);
    }
}

namespace GanDsl.Training;

/// <summary>
/// A run's step arithmetic, computed in this one place for the loop, progress displays and anything else that needs it:
/// a step reads <see cref="TrainingConfig.BatchSize"/> × <see cref="TrainingConfig.CriticSteps"/> samples, an epoch is as
/// many whole steps as the data holds (the remainder of each shuffled order is left out), and a run ends after
/// <see cref="TrainingConfig.EffectiveEpochs"/> epochs or <see cref="TrainingConfig.MaxSteps"/> steps in total, whichever comes first
/// (with epochs unset, MaxSteps alone decides).
/// </summary>
/// <param name="SamplesPerStep">Samples one step reads: one batch per discriminator update.</param>
/// <param name="StepsPerEpoch">Whole steps in one pass over the data.</param>
/// <param name="TotalSteps">The step the run ends at (its total across resumes, not one session's).</param>
public readonly record struct RunLength(long SamplesPerStep, int StepsPerEpoch, long TotalSteps)
{
    /// <summary>The arithmetic of <paramref name="config"/> on a data set of <paramref name="dataCount"/> samples.</summary>
    public static RunLength Of(TrainingConfig config, int dataCount)
    {
        ArgumentNullException.ThrowIfNull(config);
        long perStep = (long)config.BatchSize * config.CriticSteps;
        int perEpoch = perStep > 0 ? (int)(dataCount / perStep) : 0;
        long byEpochs = config.EffectiveEpochs is { } epochs ? (long)perEpoch * epochs : long.MaxValue;
        return new RunLength(perStep, perEpoch, config.MaxSteps is { } max ? Math.Min(max, byEpochs) : byEpochs);
    }
}

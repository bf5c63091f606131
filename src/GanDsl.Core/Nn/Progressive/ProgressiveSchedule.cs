namespace GanDsl.Nn.Progressive;

/// <summary>
/// When a progressive GAN grows: stage s (0-based) starts after s · <see cref="StepsPerStage"/> steps and the last stage
/// lasts until training ends; a new stage is faded in with α = min(1, stepsIntoStage / <see cref="FadeSteps"/>)
/// (α = 1 at once when FadeSteps is 0). Stage 0 has nothing to fade from, so its α is 1.
/// </summary>
public sealed record ProgressiveSchedule(long StepsPerStage, long FadeSteps)
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> with one sentence per bad field.</summary>
    public void Validate()
    {
        if (StepsPerStage <= 0)
            throw new ArgumentOutOfRangeException(nameof(StepsPerStage), $"The progressive schedule needs StepsPerStage of at least 1 but has {StepsPerStage}; use e.g. 2000.");
        if (FadeSteps < 0 || FadeSteps > StepsPerStage)
            throw new ArgumentOutOfRangeException(nameof(FadeSteps), $"The progressive schedule needs FadeSteps between 0 and StepsPerStage ({StepsPerStage}) but has {FadeSteps}; use e.g. half the stage.");
    }

    /// <summary>The stage and fade-in α of the step that follows <paramref name="completedSteps"/> steps, for a net of <paramref name="stages"/> stages.</summary>
    public ProgressState At(long completedSteps, int stages)
    {
        if (completedSteps < 0) throw new ArgumentOutOfRangeException(nameof(completedSteps), $"The step count must not be negative but is {completedSteps}.");
        if (stages <= 0) throw new ArgumentOutOfRangeException(nameof(stages), $"A progressive net needs at least one stage but has {stages}.");
        int stage = (int)Math.Min(stages - 1, completedSteps / StepsPerStage);
        long into = completedSteps - stage * StepsPerStage;
        float alpha = stage == 0 || FadeSteps == 0 ? 1f : (float)Math.Min(1.0, (double)into / FadeSteps);
        return new ProgressState(stage, alpha, StepsPerStage, FadeSteps);
    }
}

/// <summary>Where a progressive GAN stands: its 0-based stage, the fade-in α of that stage, and the schedule that put it there (saved in checkpoints).</summary>
public sealed record ProgressState(int Stage, float Alpha, long StepsPerStage, long FadeSteps)
{
    /// <summary>The schedule that produced this state, for comparing with a GAN's own.</summary>
    public ProgressiveSchedule Schedule => new(StepsPerStage, FadeSteps);
}

namespace GanDsl.Nn.Progressive;

/// <summary>
/// A progressive generator and discriminator grown together by one <see cref="ProgressiveSchedule"/>: stage s of G draws
/// the resolution stage s of D scores. A new instance stands at step 0 (stage 0); the shared loop advances it before every
/// step (<see cref="IGan.OnStep"/>), saves <see cref="Progress"/> in each checkpoint and restores it on resume, so a run
/// resumed across a stage boundary continues exactly as an uninterrupted one.
/// </summary>
public class ProgressiveGan : IGan
{
    /// <summary>Pairs nets with the same number of stages and matching image shapes per stage; throws <see cref="ArgumentException"/> when they differ or the schedule is invalid.</summary>
    public ProgressiveGan(ProgressiveGenerator generator, ProgressiveDiscriminator discriminator, ProgressiveSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        schedule.Validate();
        if (generator.StageCount != discriminator.StageCount)
            throw new ArgumentException($"The progressive generator has {generator.StageCount} stages but the discriminator {discriminator.StageCount}; give both one stage per resolution.");
        for (int k = 0; k < generator.StageCount; k++)
        {
            var g = generator.StageImageShape(k);
            var d = discriminator.StageImageShape(k);
            if (!g.SequenceEqual(d))
                throw new ArgumentException($"Stage {k + 1} of the progressive generator draws [{string.Join(", ", g)}] but stage {k + 1} of the discriminator scores [{string.Join(", ", d)}]; make each stage's resolution and image channels agree.");
        }
        (Generator, Discriminator, Schedule) = (generator, discriminator, schedule);
        Advance(0);
    }

    /// <summary>The growing generator.</summary>
    public ProgressiveGenerator Generator { get; }
    /// <summary>The growing discriminator.</summary>
    public ProgressiveDiscriminator Discriminator { get; }
    /// <summary>When the stages change and how long each fades in.</summary>
    public ProgressiveSchedule Schedule { get; }
    /// <summary>Number of stages of both nets.</summary>
    public int StageCount => Generator.StageCount;
    /// <summary>The current stage and α.</summary>
    public ProgressState Progress { get; private set; } = null!;

    GeneratorModule IGan.Generator => Generator;
    DiscriminatorModule IGan.Discriminator => Discriminator;

    /// <summary>Moves both nets to the stage and α of the step that follows <paramref name="completedSteps"/> steps.</summary>
    public void Advance(long completedSteps) => Set(Schedule.At(completedSteps, StageCount));

    void IGan.OnStep(long completedSteps) => Advance(completedSteps);

    ProgressState? IGan.Progress => Progress;

    void IGan.RestoreProgress(ProgressState? saved) =>
        Restore(saved ?? throw new ArgumentException("The checkpoint holds no progressive stage although this GAN grows by stages; resume with the model that wrote it."));

    /// <summary>Sets the stage and α saved in a checkpoint; throws <see cref="ArgumentException"/> when it was written with another schedule or stage count.</summary>
    public void Restore(ProgressState state)
    {
        if (state.Schedule != Schedule)
            throw new ArgumentException($"The saved progress follows the schedule of {state.StepsPerStage} steps per stage and {state.FadeSteps} fade steps but this GAN has {Schedule.StepsPerStage} and {Schedule.FadeSteps}; resume with the same schedule.");
        if (state.Stage < 0 || state.Stage >= StageCount)
            throw new ArgumentException($"The saved progress is at stage {state.Stage} but this GAN has stages 0 to {StageCount - 1}; resume with the model that wrote it.");
        Set(state);
    }

    private void Set(ProgressState state)
    {
        Generator.SetProgress(state.Stage, state.Alpha);
        Discriminator.SetProgress(state.Stage, state.Alpha);
        Progress = state;
    }
}

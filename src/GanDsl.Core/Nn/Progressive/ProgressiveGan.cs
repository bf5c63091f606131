namespace GanDsl.Nn.Progressive;

/// <summary>
/// A progressive generator and discriminator grown together by one <see cref="ProgressiveSchedule"/>: stage s of G draws
/// the resolution stage s of D scores. A new instance stands at step 0 (stage 0); the shared loop advances it.
/// </summary>
public class ProgressiveGan : IGan, IProgressive
{
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

    public ProgressiveGenerator Generator { get; }
    public ProgressiveDiscriminator Discriminator { get; }
    public ProgressiveSchedule Schedule { get; }
    public int StageCount => Generator.StageCount;
    public ProgressState Progress { get; private set; } = null!;

    GeneratorModule IGan.Generator => Generator;
    DiscriminatorModule IGan.Discriminator => Discriminator;

    public void Advance(long completedSteps) => Set(Schedule.At(completedSteps, StageCount));

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

using GanDsl.Core.Tests.Nn.Progressive;
using GanDsl.Nn;
using GanDsl.Nn.Progressive;
using GanDsl.Training;
using GanDsl.Training.Checkpoints;

namespace GanDsl.Core.Tests.Training;

/// <summary>The per-step hooks of <see cref="IGan"/>: how the loop tells a pair the step, and saves and restores what depends on it.</summary>
public class GanHookTests
{
    /// <summary>An MLP pair that records every step the loop announces.</summary>
    private sealed class Recording(ulong seed) : IGan
    {
        private readonly MlpGan _inner = new(seed, true);
        public List<long> Steps { get; } = [];
        public GeneratorModule Generator => _inner.Generator;
        public DiscriminatorModule Discriminator => _inner.Discriminator;
        public void OnStep(long completedSteps) => Steps.Add(completedSteps);
    }

    [Fact]
    public void The_loop_announces_each_step_before_taking_it_and_a_resumed_run_goes_on_counting()
    {
        using var dir = new TempFolder();
        var first = new Recording(1);
        Adversarial.Train(first, new InMemoryData(40), Configs.Tiny with { MaxSteps = 4 }, runDirectory: dir.Path);
        Assert.Equal([0L, 1, 2, 3], first.Steps);

        var resumed = new Recording(1);
        Adversarial.Train(resumed, new InMemoryData(40), Configs.Tiny with { MaxSteps = 7 }, runDirectory: dir.Path, resume: true);
        Assert.Equal([4L, 5, 6], resumed.Steps);
    }

    [Fact]
    public void A_pair_without_step_dependent_state_keeps_the_defaults()
    {
        IGan plain = new MlpGan(1, true);
        plain.OnStep(5);
        plain.RestoreProgress(new ProgressState(1, 0.5f, 4, 2)); // nothing to restore, nothing refused
        Assert.Null(plain.Progress);
    }

    [Fact]
    public void A_growing_pair_refuses_a_checkpoint_that_lost_its_stage()
    {
        using var dir = new TempFolder();
        var schedule = new ProgressiveSchedule(StepsPerStage: 4, FadeSteps: 2);
        var data = new TinyImages(40);
        var run = Adversarial.Train(TinyProgressive.Gan(schedule), data, Configs.Tiny with { MaxSteps = 3, SampleCount = 3 }, runDirectory: dir.Path);
        var statePath = Path.Combine(run.LastCheckpoint!, Checkpoint.StateFile);
        File.WriteAllBytes(statePath, (CheckpointState.FromJson(File.ReadAllBytes(statePath)) with { Progress = null }).ToJson());

        var ex = Assert.Throws<CheckpointException>(() => Adversarial.Train(TinyProgressive.Gan(schedule), data,
            Configs.Tiny with { MaxSteps = 6, SampleCount = 3 }, runDirectory: dir.Path, resume: true));
        Assert.Equal("The checkpoint holds no progressive stage although this GAN grows by stages; resume with the model that wrote it.", ex.Message);
    }
}

using GanDsl.Core.Tests.Nn.Progressive;
using GanDsl.Nn.Progressive;
using GanDsl.Training;
using GanDsl.Training.Checkpoints;

namespace GanDsl.Core.Tests.Training;

public class ProgressiveResumeTests
{
    private static readonly ProgressiveSchedule Schedule = new(StepsPerStage: 4, FadeSteps: 2);
    private static TrainingConfig Config => Configs.Tiny with { Epochs = 10, SampleCount = 3 };

    private static Dictionary<string, byte[]> Files(string checkpoint) =>
        Directory.GetFiles(checkpoint).ToDictionary(f => Path.GetFileName(f)!, File.ReadAllBytes);

    [Theory]
    [InlineData(5)]  // the first half ends mid fade-in of stage 2; stage 3 starts in the second half
    [InlineData(4)]  // the first half ends exactly at a stage boundary
    public void Two_N_steps_in_one_go_equal_N_then_resume_for_N_more_across_a_stage_boundary_byte_for_byte(int n)
    {
        using var straight = new TempFolder();
        using var split = new TempFolder();
        var data = new TinyImages(40);
        var whole = Adversarial.Train(TinyProgressive.Gan(Schedule), data, Config with { MaxSteps = 2 * n }, runDirectory: straight.Path);
        var half = Adversarial.Train(TinyProgressive.Gan(Schedule), data, Config with { MaxSteps = n }, runDirectory: split.Path);
        var saved = CheckpointStore.Load(half.LastCheckpoint!).State.Progress!;
        Assert.Equal(Schedule.At(n - 1, 3), saved);

        var fresh = TinyProgressive.Gan(Schedule, seed: 99); // other weights and stage 0 until the checkpoint loads
        var resumed = Adversarial.Train(fresh, data, Config with { MaxSteps = 2 * n }, runDirectory: split.Path, resume: true);

        Assert.Equal(2 * n, resumed.Steps);
        var expected = Files(whole.LastCheckpoint!);
        var actual = Files(resumed.LastCheckpoint!);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (name, bytes) in expected) Assert.True(bytes.AsSpan().SequenceEqual(actual[name]), $"{name} differs after resume");
        var end = CheckpointStore.Load(whole.LastCheckpoint!).State.Progress!;
        Assert.Equal(Schedule.At(2 * n - 1, 3), end);
        Assert.True(end.Stage > saved.Stage);
        Assert.Equal(whole.Samples().Data, resumed.Samples().Data);
    }

    [Fact]
    public void The_loop_advances_the_stage_with_the_step_and_the_state_file_names_it()
    {
        using var dir = new TempFolder();
        var gan = TinyProgressive.Gan(Schedule);
        var run = Adversarial.Train(gan, new TinyImages(40), Config with { MaxSteps = 10 }, runDirectory: dir.Path); // step 10 is 2 into stage 3 (0-based 2)
        Assert.Equal(new ProgressState(2, 0.5f, 4, 2), gan.Progress);
        Assert.Equal(2, gan.Generator.Stage);
        Assert.Equal(0.5f, gan.Discriminator.Alpha);
        var json = File.ReadAllText(Path.Combine(run.LastCheckpoint!, Checkpoint.StateFile));
        Assert.Contains("\"Progress\": {", json);
        Assert.Contains("\"Stage\": 2", json);
    }

    [Fact]
    public void Resume_refuses_another_schedule_and_a_checkpoint_without_progress()
    {
        using var dir = new TempFolder();
        var data = new TinyImages(40);
        Adversarial.Train(TinyProgressive.Gan(Schedule), data, Config with { MaxSteps = 3 }, runDirectory: dir.Path);
        var ex = Assert.Throws<CheckpointException>(() => Adversarial.Train(TinyProgressive.Gan(new ProgressiveSchedule(6, 2)), data,
            Config with { MaxSteps = 6 }, runDirectory: dir.Path, resume: true));
        Assert.Equal("The saved progress follows the schedule of 4 steps per stage and 2 fade steps but this GAN has 6 and 2; resume with the same schedule.", ex.Message);

        using var plain = new TempFolder();
        var mlpData = new InMemoryData(40);
        Adversarial.Train(new MlpGan(3, true), mlpData, Configs.Tiny with { MaxSteps = 2 }, runDirectory: plain.Path);
        Assert.DoesNotContain("Progress", File.ReadAllText(Path.Combine(new CheckpointStore(plain.Path).Latest()!, Checkpoint.StateFile)));
    }

    [Fact]
    public void Loading_a_generator_for_sampling_restores_its_saved_stage()
    {
        using var dir = new TempFolder();
        var run = Adversarial.Train(TinyProgressive.Gan(Schedule), new TinyImages(40), Config with { MaxSteps = 6 }, runDirectory: dir.Path);
        var g = TinyProgressive.Generator(seed: 50);
        Assert.Equal(2, g.Stage); // a fresh generator stands fully grown
        TrainingSession.LoadGenerator(g, CheckpointStore.Load(run.LastCheckpoint!));
        Assert.Equal((1, 0.5f), (g.Stage, g.Alpha)); // step 6 was 1 into stage 2, half faded in
    }
}

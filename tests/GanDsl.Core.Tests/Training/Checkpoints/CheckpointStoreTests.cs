using GanDsl.Training;
using GanDsl.Training.Checkpoints;
using GanDsl.Core.Tests.Training;

namespace GanDsl.Core.Tests.Training.Checkpoints;

public class CheckpointStoreTests
{
    private static TrainingRun TrainTo(string dir, long steps, bool resume = false) =>
        Adversarial.Train(new MlpGan(2, true), new InMemoryData(40), Configs.Tiny with { MaxSteps = steps }, runDirectory: dir, resume: resume);

    [Theory]
    [InlineData(Checkpoint.GeneratorFile)]
    [InlineData(Checkpoint.OptimizerFile)]
    [InlineData(Checkpoint.StateFile)]
    public void A_crash_mid_write_leaves_the_previous_checkpoint_loadable_and_resumable(string crashAfter)
    {
        using var dir = new TempFolder();
        var first = TrainTo(dir.Path, 3);
        var store = new CheckpointStore(dir.Path) { AfterFileWritten = f => { if (f == crashAfter) throw new IOException("simulated crash"); } };
        Assert.Throws<IOException>(() => Adversarial.Train(new MlpGan(2, true), new InMemoryData(40), Configs.Tiny with { MaxSteps = 6 },
            null, dir.Path, resume: true, CancellationToken.None, store));

        var plain = new CheckpointStore(dir.Path);
        Assert.Equal(first.LastCheckpoint, plain.Latest()); // the half-written folder is hidden, never a step-… folder
        Assert.Equal(3, CheckpointStore.Load(plain.Latest()!).State.Step);
        var resumed = TrainTo(dir.Path, 6, resume: true); // and the next save clears the debris
        Assert.Equal(6, CheckpointStore.Load(resumed.LastCheckpoint!).State.Step);
        Assert.DoesNotContain(Directory.GetDirectories(plain.Root), d => Path.GetFileName(d).StartsWith('.'));
    }

    [Fact]
    public void A_flipped_byte_is_refused_with_one_clear_sentence()
    {
        using var dir = new TempFolder();
        var run = TrainTo(dir.Path, 2);
        string file = Path.Combine(run.LastCheckpoint!, Checkpoint.DiscriminatorFile);
        var bytes = File.ReadAllBytes(file);
        bytes[^3] ^= 0x40;
        File.WriteAllBytes(file, bytes);
        var ex = Assert.Throws<CheckpointException>(() => CheckpointStore.Load(run.LastCheckpoint!));
        Assert.Equal($"The checkpoint {run.LastCheckpoint} is corrupt or truncated: discriminator.safetensors does not match the SHA-256 recorded in state.json; resume from an earlier checkpoint or start a new run.", ex.Message);
    }

    [Fact]
    public void A_truncated_weight_file_or_state_file_is_refused()
    {
        using var dir = new TempFolder();
        var run = TrainTo(dir.Path, 2);
        string weights = Path.Combine(run.LastCheckpoint!, Checkpoint.GeneratorFile);
        File.WriteAllBytes(weights, File.ReadAllBytes(weights)[..100]);
        Assert.Contains("generator.safetensors has 100 bytes", Assert.Throws<CheckpointException>(() => CheckpointStore.Load(run.LastCheckpoint!)).Message);

        string state = Path.Combine(run.LastCheckpoint!, Checkpoint.StateFile);
        File.WriteAllBytes(state, File.ReadAllBytes(state)[..50]);
        var ex = Assert.Throws<CheckpointException>(() => CheckpointStore.Load(run.LastCheckpoint!));
        Assert.Contains("state.json cannot be read", ex.Message);
        // resuming surfaces the same sentence
        Assert.Contains("corrupt or truncated", Assert.Throws<CheckpointException>(() => TrainTo(dir.Path, 4, resume: true)).Message);
    }

    [Fact]
    public void State_json_holds_config_position_rng_states_and_fixed_noise()
    {
        using var dir = new TempFolder();
        var run = TrainTo(dir.Path, 6);
        var state = CheckpointStore.Load(run.LastCheckpoint!).State;
        Assert.Equal((6L, 1, 1, 40), (state.Step, state.CompletedEpochs, state.StepInEpoch, state.DataCount));
        Assert.Equal(6, state.Config.MaxSteps);
        Assert.Equal(new[] { "discriminator.2" }, state.RandomSources.Select(r => r.Name)); // the Dropout layer
        Assert.Equal(new[] { 4, 4 }, state.FixedNoiseShape);
        Assert.Equal(run.Session.FixedNoise.Data, state.FixedNoise);
        Assert.Equal((6L, 6L), (state.GeneratorOptimizerSteps, state.DiscriminatorOptimizerSteps));
        Assert.Equal(new[] { Checkpoint.GeneratorFile, Checkpoint.DiscriminatorFile, Checkpoint.OptimizerFile }, state.Files.Select(f => f.Name));
    }

    [Fact]
    public void Interval_checkpoints_are_written_and_a_sample_leaves_the_state_unchanged()
    {
        using var dir = new TempFolder();
        var run = Adversarial.Train(new MlpGan(2, true), new InMemoryData(40), Configs.Tiny with { MaxSteps = 7, CheckpointIntervalSteps = 3 }, runDirectory: dir.Path);
        Assert.Equal(new[] { "step-0000003", "step-0000006", "step-0000007" }, new CheckpointStore(dir.Path).List().Select(Path.GetFileName));
        var before = run.Session.Capture().State.ToJson();
        run.Samples();
        Assert.Equal(before, run.Session.Capture().State.ToJson());
    }
}

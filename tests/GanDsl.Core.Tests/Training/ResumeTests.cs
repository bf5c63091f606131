using GanDsl.Training;
using GanDsl.Training.Checkpoints;

namespace GanDsl.Core.Tests.Training;

public class ResumeTests
{
    public static TheoryData<string> Variants => new() { "plain", "ema-dropout-bn", "conditional-wgan-gp-critic", "r1-sgd" };

    private static (MlpGan Gan, InMemoryData Data, TrainingConfig Config) Setup(string variant) => variant switch
    {
        "plain" => (new MlpGan(3, true), new InMemoryData(40), Configs.Tiny),
        "ema-dropout-bn" => (new MlpGan(3, false), new InMemoryData(40), Configs.Tiny with { EmaDecay = 0.9f, LabelSmoothing = 0.9f, Normalization = new(0.25f, 0.5f) }),
        "conditional-wgan-gp-critic" => (new MlpGan(3, false, classes: 3), new InMemoryData(48, classes: 3),
            Configs.Tiny with { Loss = GanLoss.Wasserstein, GradientPenaltyWeight = 10f, CriticSteps = 2, Optimizer = OptimizerKind.Adam, Epochs = 10 }),
        _ => (new MlpGan(3, false), new InMemoryData(40), Configs.Tiny with { Loss = GanLoss.Hinge, R1Weight = 1f, Optimizer = OptimizerKind.Sgd, Momentum = 0.9f }),
    };

    private static Dictionary<string, byte[]> Files(string checkpoint) =>
        Directory.GetFiles(checkpoint).ToDictionary(f => Path.GetFileName(f)!, File.ReadAllBytes);

    [Theory]
    [MemberData(nameof(Variants))]
    public void Two_N_steps_in_one_go_equal_N_steps_then_resume_for_N_more_byte_for_byte(string variant)
    {
        const int n = 7; // crosses an epoch boundary (5 steps per epoch, or 3 with two critic steps)
        using var straight = new TempFolder();
        using var split = new TempFolder();
        var (gan1, data1, config) = Setup(variant);
        var whole = Adversarial.Train(gan1, data1, config with { MaxSteps = 2 * n }, runDirectory: straight.Path);

        var (gan2, data2, _) = Setup(variant);
        var half = Adversarial.Train(gan2, data2, config with { MaxSteps = n }, runDirectory: split.Path);
        Assert.Equal(n, CheckpointStore.Load(half.LastCheckpoint!).State.Step);
        var (gan3, data3, _) = Setup(variant); // a fresh process: new nets with different weights until the checkpoint loads
        var resumed = Adversarial.Train(gan3, data3, config with { MaxSteps = 2 * n }, runDirectory: split.Path, resume: true);

        Assert.Equal(2 * n, whole.Steps);
        Assert.Equal(2 * n, resumed.Steps);
        Assert.Equal(Path.GetFileName(whole.LastCheckpoint), Path.GetFileName(resumed.LastCheckpoint));
        var expected = Files(whole.LastCheckpoint!);
        var actual = Files(resumed.LastCheckpoint!);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (name, bytes) in expected) Assert.True(bytes.AsSpan().SequenceEqual(actual[name]), $"{variant}: {name} differs after resume");
        Assert.Equal(whole.Samples().Data, resumed.Samples().Data);
    }

    [Fact]
    public void A_run_stopped_mid_epoch_and_resumed_logs_that_epochs_mean_losses_as_an_uninterrupted_run_does()
    {
        using var straight = new TempFolder();
        using var split = new TempFolder();
        var (gan1, data, config) = Setup("plain");
        Adversarial.Train(gan1, data, config, runDirectory: straight.Path);
        Adversarial.Train(Setup("plain").Gan, data, config with { MaxSteps = 7 }, runDirectory: split.Path); // 2 steps into epoch 2
        Adversarial.Train(Setup("plain").Gan, data, config, runDirectory: split.Path, resume: true);

        // The completed epochs' lines, timings aside (the split run also logs its stop: step 7 and the partial epoch).
        static string[] Epochs(string run) => File.ReadAllLines(Path.Combine(run, "metrics.jsonl"))
            .Where(l => l.Contains("\"kind\":\"epoch\"", StringComparison.Ordinal) && l.Contains("\"complete\":true", StringComparison.Ordinal))
            .Select(l => System.Text.RegularExpressions.Regex.Replace(l, "\"elapsed_s\":[^,}]*", "")).ToArray();
        var expected = Epochs(straight.Path);
        Assert.Equal(3, expected.Length);
        Assert.Equal(expected, Epochs(split.Path));
    }

    [Fact]
    public void Max_steps_counts_the_runs_total_so_a_finished_run_does_not_train_further()
    {
        using var dir = new TempFolder();
        var (gan, data, config) = Setup("plain");
        Adversarial.Train(gan, data, config with { MaxSteps = 4 }, runDirectory: dir.Path);
        var again = Adversarial.Train(new MlpGan(3, true), data, config with { MaxSteps = 4 }, runDirectory: dir.Path, resume: true);
        Assert.Equal(4, again.Steps);
        Assert.Null(again.LastStep);
        Assert.Single(new CheckpointStore(dir.Path).List());
    }

    [Fact]
    public void Resume_refuses_a_config_change_that_breaks_the_run_naming_the_field()
    {
        using var dir = new TempFolder();
        var (gan, data, config) = Setup("plain");
        Adversarial.Train(gan, data, config with { MaxSteps = 2 }, runDirectory: dir.Path);
        var ex = Assert.Throws<CheckpointException>(() =>
            Adversarial.Train(new MlpGan(3, true), data, config with { MaxSteps = 4, BatchSize = 4 }, runDirectory: dir.Path, resume: true));
        Assert.StartsWith("Resume cannot change BatchSize from 8 to 4", ex.Message);
    }

    [Fact]
    public void Resume_refuses_a_different_model_and_a_folder_without_checkpoints()
    {
        using var dir = new TempFolder();
        var (gan, data, config) = Setup("plain");
        Adversarial.Train(gan, data, config with { MaxSteps = 2 }, runDirectory: dir.Path);
        var other = new MlpGanWide();
        var ex = Assert.Throws<CheckpointException>(() => Adversarial.Train(other, data, config with { MaxSteps = 4 }, runDirectory: dir.Path, resume: true));
        Assert.Contains("generator weights do not fit", ex.Message);

        using var empty = new TempFolder();
        var none = Assert.Throws<CheckpointException>(() => Adversarial.Train(gan, data, config, runDirectory: empty.Path, resume: true));
        Assert.Contains("holds no checkpoint", none.Message);
    }

    private sealed class MlpGanWide : GanDsl.Nn.IGan
    {
        public GanDsl.Nn.GeneratorModule Generator { get; } = new MlpGenerator(1, hidden: 12);
        public GanDsl.Nn.DiscriminatorModule Discriminator { get; } = new MlpDiscriminator(1, true);
    }
}

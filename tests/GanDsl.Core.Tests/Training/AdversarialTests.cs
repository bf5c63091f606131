using GanDsl.Tensors;
using GanDsl.Training;
using GanDsl.Training.Checkpoints;

namespace GanDsl.Core.Tests.Training;

public class AdversarialTests
{
    public static TheoryData<GanLoss, float, float> EveryLoss => new()
    {
        { GanLoss.Minimax, 0f, 0f },
        { GanLoss.NonSaturating, 0f, 0f },
        { GanLoss.LeastSquares, 0f, 0f },
        { GanLoss.Hinge, 0f, 0f },
        { GanLoss.Wasserstein, 0f, 0f },
        { GanLoss.Wasserstein, 10f, 0f },
        { GanLoss.NonSaturating, 0f, 5f },
    };

    private static float[][] Snapshot(IReadOnlyList<Tensor> parameters) => parameters.Select(p => (float[])p.Data.Clone()).ToArray();

    private static bool Same(float[][] before, IReadOnlyList<Tensor> parameters) =>
        before.Zip(parameters).All(x => x.First.AsSpan().SequenceEqual(x.Second.Data));

    [Theory]
    [MemberData(nameof(EveryLoss))]
    public void Each_player_step_leaves_the_other_players_parameters_unchanged(GanLoss loss, float gp, float r1)
    {
        bool probability = GanLosses.IsCrossEntropy(loss);
        foreach (int classes in new[] { 0, 3 })
        {
            var session = TrainingSession.Start(new MlpGan(5, probability, classes), new InMemoryData(64, classes: classes),
                Configs.Tiny with { Loss = loss, GradientPenaltyWeight = gp, R1Weight = r1 });
            var engine = session.Engine;
            var g = session.G.Parameters();
            var d = session.D.Parameters();

            var gBefore = Snapshot(g);
            var dBefore = Snapshot(d);
            engine.BeginStep();
            var dOut = engine.DiscriminatorStep(session.NextBatch(0, keepFake: true));
            Assert.True(Same(gBefore, g), $"{loss}: the discriminator step changed G");
            Assert.False(Same(dBefore, d), $"{loss}: the discriminator step did not change D");
            Assert.True(dOut.GradNorm > 0);
            if (gp > 0 || r1 > 0) Assert.True(dOut.Penalty > 0f);

            dBefore = Snapshot(d);
            var dGrads = d.Select(p => (float[]?)p.Grad?.Data.Clone()).ToList();
            var gOut = engine.GeneratorStep();
            engine.EndStep();
            Assert.True(Same(dBefore, d), $"{loss}: the generator step changed D");
            Assert.False(Same(gBefore, g), $"{loss}: the generator step did not change G");
            Assert.True(gOut.GradNorm > 0);
            // D's gradients were not accumulated into by G's backward pass
            for (int i = 0; i < d.Count; i++) Assert.Equal(dGrads[i], d[i].Grad?.Data);
            Assert.All(d, p => Assert.True(p.RequiresGrad));
        }
    }

    [Fact]
    public void Train_reports_steps_epochs_and_samples_and_ends_with_a_checkpoint()
    {
        using var dir = new TempFolder();
        var observer = new Recorder();
        var config = Configs.Tiny with { Epochs = 2, LogIntervalSteps = 3 };
        var run = Adversarial.Train(new MlpGan(1, true), new InMemoryData(40), config, observer, dir.Path);
        // 40 samples / batch 8 = 5 steps per epoch
        Assert.Equal(10, run.Steps);
        Assert.Equal(new long[] { 3, 6, 9, 10 }, observer.Steps.Select(s => s.Step));
        Assert.Equal(new[] { 1, 2, 2, 2 }, observer.Steps.Select(s => s.Epoch));
        Assert.All(observer.Steps, s => Assert.InRange(s.MeanRealScore, 0f, 1f));
        Assert.Equal(new[] { 1, 2 }, observer.Epochs.Select(e => e.Epoch));
        Assert.All(observer.Epochs, e => Assert.Equal(new[] { 4, 6 }, e.Samples!.Shape.ToArray()));
        Assert.Equal(Path.Combine(dir.Path, "checkpoints", "step-0000010"), Assert.Single(observer.Checkpoints).Directory);
        Assert.Equal(run.LastCheckpoint, observer.Checkpoints[0].Directory);
        var lines = File.ReadAllLines(dir.File("metrics.jsonl"));
        Assert.Equal(4 + 2, lines.Length);
        Assert.Contains("\"kind\":\"epoch\"", lines[^1]);
        Assert.True(File.Exists(dir.File("config.json")));
        Assert.Equal(run.Samples().Data, observer.Epochs[^1].Samples!.Data);
    }

    [Fact]
    public void A_folder_that_holds_a_run_is_refused_unless_resuming()
    {
        using var dir = new TempFolder();
        var config = Configs.Tiny with { MaxSteps = 2 };
        Adversarial.Train(new MlpGan(1, true), new InMemoryData(40), config, runDirectory: dir.Path);
        var ex = Assert.Throws<TrainingSetupException>(() => Adversarial.Train(new MlpGan(1, true), new InMemoryData(40), config, runDirectory: dir.Path));
        Assert.Contains("already holds a training run", ex.Message);
    }

    [Fact]
    public void Cancellation_saves_a_checkpoint_before_returning()
    {
        using var dir = new TempFolder();
        using var cts = new CancellationTokenSource();
        var observer = new Recorder { OnStepAction = s => { if (s.Step == 4) cts.Cancel(); } };
        var run = Adversarial.Train(new MlpGan(1, true), new InMemoryData(40), Configs.Tiny with { LogIntervalSteps = 1 }, observer, dir.Path,
            cancellationToken: cts.Token);
        Assert.True(run.Cancelled);
        Assert.Equal(4, run.Steps);
        Assert.Equal(4, CheckpointStore.Load(run.LastCheckpoint!).State.Step);
    }

    [Fact]
    public void NaN_stops_training_naming_step_and_quantity_and_leaves_the_last_checkpoint_untouched()
    {
        using var dir = new TempFolder();
        var data = new InMemoryData(40);
        var config = Configs.Tiny with { MaxSteps = 3 };
        var first = Adversarial.Train(new MlpGan(1, true), data, config, runDirectory: dir.Path);
        var before = Directory.GetFiles(first.LastCheckpoint!).ToDictionary(f => Path.GetFileName(f)!, File.ReadAllBytes);

        data.Poison = float.NaN;
        var ex = Assert.Throws<TrainingDivergedException>(() =>
            Adversarial.Train(new MlpGan(1, true), data, config with { MaxSteps = 6 }, runDirectory: dir.Path, resume: true));
        Assert.Equal(4, ex.Step);
        Assert.Equal("discriminator loss", ex.Quantity);
        Assert.StartsWith("Training stopped at step 4: the discriminator loss is NaN", ex.Message);
        var store = new CheckpointStore(dir.Path);
        Assert.Equal(first.LastCheckpoint, store.Latest());
        foreach (var (name, bytes) in before) Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(first.LastCheckpoint!, name)));
    }

    private sealed class Recorder : ITrainingObserver
    {
        public List<StepReport> Steps { get; } = new();
        public List<EpochReport> Epochs { get; } = new();
        public List<CheckpointReport> Checkpoints { get; } = new();
        public Action<StepReport>? OnStepAction { get; init; }

        public void OnStep(StepReport report)
        {
            Steps.Add(report);
            OnStepAction?.Invoke(report);
        }

        public void OnEpoch(EpochReport report) => Epochs.Add(report);
        public void OnCheckpoint(CheckpointReport report) => Checkpoints.Add(report);
    }
}

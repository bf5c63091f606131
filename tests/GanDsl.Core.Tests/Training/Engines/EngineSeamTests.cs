using GanDsl.Tensors;
using GanDsl.Training;
using GanDsl.Training.Checkpoints;
using GanDsl.Training.Engines;

namespace GanDsl.Core.Tests.Training.Engines;

/// <summary>The seam between the one orchestration and the engines: what every engine is handed, and what a checkpoint keeps.</summary>
public class EngineSeamTests
{
    private static readonly TrainingConfig Critic = Configs.Tiny with
    {
        Loss = GanLoss.Wasserstein, GradientPenaltyWeight = 10f, CriticSteps = 2, Optimizer = OptimizerKind.Adam, MaxSteps = 4,
    };

    public static TheoryData<int, bool> Setups => new() { { 3, true }, { 0, false } };

    [Theory]
    [MemberData(nameof(Setups))]
    public void Every_engine_is_handed_the_same_batches_and_draws_of_noise_then_labels_then_alpha(int classes, bool penalty)
    {
        var config = penalty ? Critic : Configs.Tiny with { MaxSteps = 4 };
        RecordingEngine Run(Func<GanDsl.Nn.IGan, TrainingConfig, ITrainingEngine> inner)
        {
            var factory = new EngineFactory((g, c) => new RecordingEngine(inner(g, c)));
            Adversarial.Train(new MlpGan(3, probability: !penalty, classes), new InMemoryData(48, classes: classes), config, engine: factory);
            return (RecordingEngine)Assert.Single(factory.Made);
        }
        var managed = Run((g, c) => new ManagedEngine(g, c));
        var fake = Run((g, c) => new FakeEngine(g, c));

        string[] oneStep = penalty ? ["begin", "d", "d+keep", "g", "end"] : ["begin", "d+keep", "g", "end"];
        Assert.Equal(Enumerable.Repeat(oneStep, 4).SelectMany(s => s), managed.Calls);
        Assert.Equal(managed.Calls, fake.Calls);
        Assert.Equal(managed.Batches.Count, fake.Batches.Count);
        for (int i = 0; i < managed.Batches.Count; i++)
        {
            var (m, f) = (managed.Batches[i], fake.Batches[i]);
            Assert.Equal(m.Real, f.Real);
            Assert.Equal(m.RealLabels, f.RealLabels);
            Assert.Equal(m.Noise, f.Noise);
            Assert.Equal(m.FakeLabels, f.FakeLabels);
            Assert.Equal(m.Alpha, f.Alpha);
        }

        // The draws come from the run's noise source, in this order for each discriminator update.
        var rng = new Rng(TrainingSession.DerivedSeed(config.Seed, 1));
        foreach (var batch in managed.Batches)
        {
            var z = new float[config.BatchSize * 4];
            rng.FillNormal(z);
            Assert.Equal(z, batch.Noise);
            int[]? labels = classes > 0 ? Enumerable.Range(0, config.BatchSize).Select(_ => rng.NextInt(classes)).ToArray() : null;
            Assert.Equal(labels, batch.FakeLabels);
            float[]? alpha = penalty ? Enumerable.Range(0, config.BatchSize).Select(_ => rng.NextFloat()).ToArray() : null;
            Assert.Equal(alpha, batch.Alpha);
            Assert.Equal(classes > 0, batch.RealLabels is not null);
        }
    }

    [Fact]
    public void A_checkpoint_holds_what_the_engine_hands_over_and_resuming_hands_it_back()
    {
        using var dir = new TempFolder();
        var config = Configs.Tiny with { EmaDecay = 0.5f };
        var first = new EngineFactory((g, c) => new FakeEngine(g, c));
        var run = Adversarial.Train(new MlpGan(3, true), new InMemoryData(40), config with { MaxSteps = 3 }, runDirectory: dir.Path, engine: first);

        var saved = CheckpointStore.Load(run.LastCheckpoint!);
        Assert.Equal("fake", saved.State.Engine);
        Assert.All(saved.Generator, e => Assert.All(e.Value.Data, v => Assert.Equal(3f, v)));
        Assert.Equal((3L, 3L), (saved.State.GeneratorOptimizerSteps, saved.State.DiscriminatorOptimizerSteps));
        var dropout = new Rng(99);
        for (int i = 0; i < 3; i++) dropout.NextUInt64();
        Assert.Equal([new NamedRngState("fake.dropout", dropout.State)], saved.State.RandomSources);
        Assert.NotNull(saved.GeneratorEma);
        Assert.Contains(saved.Optimizer, e => e.Name == "generator.0.exp_avg");

        var second = new EngineFactory((g, c) => new FakeEngine(g, c));
        var resumed = Adversarial.Train(new MlpGan(4, true), new InMemoryData(40), config with { MaxSteps = 5 }, runDirectory: dir.Path, resume: true, engine: second);
        var loaded = Assert.Single(((FakeEngine)Assert.Single(second.Made)).Loaded);
        Assert.Equal(saved.Generator.Select(e => (e.Name, e.Value.Data)), loaded.Generator.Select(e => (e.Name, e.Value.Data)));
        Assert.Equal((3L, 3L), (loaded.GeneratorOptimizer.Steps, loaded.DiscriminatorOptimizer.Steps));
        Assert.Equal(saved.State.RandomSources, loaded.RandomSources);
        Assert.NotNull(loaded.GeneratorAverage);

        var last = CheckpointStore.Load(resumed.LastCheckpoint!);
        Assert.All(last.Generator, e => Assert.All(e.Value.Data, v => Assert.Equal(5f, v)));
        Assert.Equal(5L, last.State.GeneratorOptimizerSteps);
    }

    [Fact]
    public void A_checkpoint_resumes_on_another_engine_whose_own_random_sources_start_afresh()
    {
        using var fakeRun = new TempFolder();
        var config = Configs.Tiny with { MaxSteps = 3 };
        var fromFake = Adversarial.Train(new MlpGan(3, true), new InMemoryData(40), config, runDirectory: fakeRun.Path,
            engine: new EngineFactory((g, c) => new FakeEngine(g, c)));
        var onManaged = TrainingSession.Resume(new MlpGan(4, true), new InMemoryData(40), config with { MaxSteps = 6 },
            CheckpointStore.Load(fromFake.LastCheckpoint!), ManagedEngine.Factory);
        Assert.All(onManaged.G.StateDict(), e => Assert.All(e.Value.Data, v => Assert.Equal(3f, v)));
        var managed = (ManagedEngine)onManaged.Engine;
        Assert.Equal((3L, 3L), (managed.GeneratorOptimizer.StepCount, managed.DiscriminatorOptimizer.StepCount));
        Assert.Equal(new MlpGan(4, true).Discriminator.RandomSources().Single().Rng.State, onManaged.D.RandomSources().Single().Rng.State);
        Assert.Equal(3, onManaged.Progress.Step);
        Assert.Equal(6, onManaged.Progress.Length.TotalSteps);

        using var managedRun = new TempFolder();
        var fromManaged = Adversarial.Train(new MlpGan(3, true), new InMemoryData(40), config, runDirectory: managedRun.Path);
        var checkpoint = CheckpointStore.Load(fromManaged.LastCheckpoint!);
        var factory = new EngineFactory((g, c) => new FakeEngine(g, c));
        TrainingSession.Resume(new MlpGan(4, true), new InMemoryData(40), config with { MaxSteps = 6 }, checkpoint, factory);
        var loaded = Assert.Single(((FakeEngine)Assert.Single(factory.Made)).Loaded);
        Assert.Equal(checkpoint.Discriminator.Select(e => (e.Name, e.Value.Data)), loaded.Discriminator.Select(e => (e.Name, e.Value.Data)));
        Assert.Equal([new NamedRngState("fake.dropout", new Rng(99).State)], loaded.RandomSources);
    }

    [Fact]
    public void The_engine_that_wrote_a_checkpoint_must_find_every_random_source_it_needs()
    {
        using var dir = new TempFolder();
        var config = Configs.Tiny with { MaxSteps = 2 };
        var run = Adversarial.Train(new MlpGan(3, true), new InMemoryData(40), config, runDirectory: dir.Path);
        string statePath = Path.Combine(run.LastCheckpoint!, Checkpoint.StateFile);
        var state = CheckpointState.FromJson(File.ReadAllBytes(statePath));
        File.WriteAllBytes(statePath, (state with { RandomSources = [] }).ToJson());

        var ex = Assert.Throws<CheckpointException>(() => TrainingSession.Resume(new MlpGan(3, true), new InMemoryData(40), config,
            CheckpointStore.Load(run.LastCheckpoint!)));
        Assert.Equal("The checkpoint has no random state for discriminator.2; it was written for another model.", ex.Message);

        File.WriteAllBytes(statePath, (state with { RandomSources = [], Engine = "fake" }).ToJson());
        var resumed = TrainingSession.Resume(new MlpGan(3, true), new InMemoryData(40), config, CheckpointStore.Load(run.LastCheckpoint!));
        Assert.Equal(2, resumed.Progress.Step);
    }

    [Fact]
    public void A_checkpoint_of_another_model_is_refused_before_the_engine_loads_anything()
    {
        using var dir = new TempFolder();
        var run = Adversarial.Train(new MlpGan(3, true), new InMemoryData(40), Configs.Tiny with { MaxSteps = 2 }, runDirectory: dir.Path);
        var factory = new EngineFactory((g, c) => new FakeEngine(g, c));
        var ex = Assert.Throws<CheckpointException>(() => TrainingSession.Resume(new WideGan(), new InMemoryData(40), Configs.Tiny,
            CheckpointStore.Load(run.LastCheckpoint!), factory));
        Assert.StartsWith("The checkpoint's generator weights do not fit MlpGenerator: 0.weight has shape [16, 4] but [12, 4] is needed", ex.Message);
        var engine = (FakeEngine)Assert.Single(factory.Made);
        Assert.Empty(engine.Loaded);
        Assert.True(engine.Disposed);
    }

    [Fact]
    public void Samples_come_from_the_engine_with_the_runs_fixed_noise()
    {
        var factory = new EngineFactory((g, c) => new FakeEngine(g, c));
        var epochs = new List<EpochReport>();
        var run = Adversarial.Train(new MlpGan(3, true, classes: 3), new InMemoryData(48, classes: 3), Configs.Tiny with { Epochs = 2 },
            new EpochRecorder(epochs), engine: factory);
        var engine = (FakeEngine)Assert.Single(factory.Made);
        Assert.Equal(2, epochs.Count);
        Assert.All(epochs, e => Assert.All(e.Samples!.Data, v => Assert.Equal(7f, v)));
        Assert.All(engine.Sampled, s => Assert.Equal(run.Session.FixedNoise.Data, s.Noise));
        Assert.All(engine.Sampled, s => Assert.Equal(run.Session.FixedLabels, s.Labels));
        Assert.Equal(2, engine.Sampled.Count);
        Assert.Equal("fake", run.Session.Engine.Name);
    }

    [Fact]
    public void A_non_finite_value_from_the_engine_stops_the_run_ends_its_step_and_releases_the_engine()
    {
        var factory = new EngineFactory((g, c) => new FakeEngine(g, c) { NaNAtGeneratorUpdate = 3 });
        var ex = Assert.Throws<TrainingDivergedException>(() =>
            Adversarial.Train(new MlpGan(3, true), new InMemoryData(40), Configs.Tiny, engine: factory));
        Assert.Equal((3L, "generator loss"), (ex.Step, ex.Quantity));
        var engine = (FakeEngine)Assert.Single(factory.Made);
        Assert.Equal(0, engine.OpenSteps);
        Assert.True(engine.Disposed);
    }

    private sealed class EpochRecorder(List<EpochReport> epochs) : ITrainingObserver
    {
        public void OnEpoch(EpochReport report) => epochs.Add(report);
    }

    private sealed class WideGan : GanDsl.Nn.IGan
    {
        public GanDsl.Nn.GeneratorModule Generator { get; } = new MlpGenerator(1, hidden: 12);
        public GanDsl.Nn.DiscriminatorModule Discriminator { get; } = new MlpDiscriminator(1, true);
    }
}

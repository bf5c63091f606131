using GanDsl.Nn;
using GanDsl.Onnx;
using GanDsl.Testing;
using GanDsl.Training;
using GanDsl.Training.Checkpoints;
using GanDsl.Training.Engines;
using GanDsl.TorchSharp.Tests.Support;
using GanDsl.TorchSharp.Training;

namespace GanDsl.TorchSharp.Tests.Training;

/// <summary>
/// Checkpoints cross engines: the files a run writes are the same whichever engine wrote them, a run continues on the other
/// engine as it would have on its own, and a run trained on torch samples and exports with the managed nets.
/// </summary>
public class CrossEngineCheckpointTests
{
    private static readonly TrainingConfig Config = TrainingConfig.Default with
    {
        BatchSize = 8, Epochs = 100, LogIntervalSteps = 1, CheckpointIntervalSteps = 0, SampleCount = 6, EmaDecay = 0.8f,
        GeneratorLearningRate = 1e-3f, DiscriminatorLearningRate = 1e-3f, Seed = 9,
    };

    private static readonly TrainingConfig Critic = Config with
    {
        Loss = GanLoss.Wasserstein, GradientPenaltyWeight = 10f, CriticSteps = 2, Optimizer = OptimizerKind.Adam, Beta1 = 0f, Beta2 = 0.9f,
    };

    public static TheoryData<string, string> Directions => new() { { "managed", "torch" }, { "torch", "managed" } };

    private static ITrainingEngineFactory Engine(string name) => name == "torch" ? EngineRuns.Torch : ManagedEngine.Factory;

    private static (string Pair, TrainingConfig Config, SyntheticImages Data) Setup(string writer) =>
        writer == "torch" ? ("critic", Critic, new SyntheticImages(48, classes: 3)) : ("logit", Config, new SyntheticImages(40));

    [Theory]
    [MemberData(nameof(Directions))]
    public void A_checkpoint_loaded_by_the_other_engine_is_saved_again_byte_for_byte(string writer, string reader)
    {
        var (pair, config, data) = Setup(writer);
        using var first = new TempFolder();
        Adversarial.Train(EnginePairs.Create(pair), data, config with { MaxSteps = 6 }, runDirectory: first.Path, engine: Engine(writer)).Session.Dispose();
        string saved = new CheckpointStore(first.Path).Latest()!;

        using var session = TrainingSession.Resume(EnginePairs.Create(pair, seed: 77), data, config with { MaxSteps = 6 }, CheckpointStore.Load(saved), Engine(reader));
        Assert.Equal(reader, session.Engine.Name);
        using var second = new TempFolder();
        string again = new CheckpointStore(second.Path).Save(session.Capture());

        foreach (var file in new[] { Checkpoint.GeneratorFile, Checkpoint.DiscriminatorFile, Checkpoint.OptimizerFile, Checkpoint.GeneratorEmaFile })
            Assert.True(File.ReadAllBytes(Path.Combine(saved, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(again, file))),
                $"{file} written by the {reader} engine differs from the {writer} engine's");
        var (before, after) = (CheckpointStore.Load(saved).State, CheckpointStore.Load(again).State);
        Assert.Equal((writer, reader), (before.Engine, after.Engine));
        Assert.Equal((before.Step, before.NoiseRng, before.GeneratorOptimizerSteps), (after.Step, after.NoiseRng, after.GeneratorOptimizerSteps));
        Assert.Equal(before.FixedNoise, after.FixedNoise);
    }

    [Theory]
    [MemberData(nameof(Directions))]
    public void A_run_continues_on_the_other_engine_as_it_would_have_on_its_own(string writer, string reader)
    {
        var (pair, config, data) = Setup(writer);
        var straight = new StepRecorder();
        Adversarial.Train(EnginePairs.Create(pair), data, config with { MaxSteps = 12 }, straight, engine: Engine(writer)).Session.Dispose();

        using var dir = new TempFolder();
        Adversarial.Train(EnginePairs.Create(pair), data, config with { MaxSteps = 6 }, runDirectory: dir.Path, engine: Engine(writer)).Session.Dispose();
        var continued = new StepRecorder();
        var run = Adversarial.Train(EnginePairs.Create(pair, seed: 77), data, config with { MaxSteps = 12 }, continued, dir.Path, resume: true, engine: Engine(reader));
        run.Session.Dispose();

        Assert.Equal(reader, CheckpointStore.Load(run.LastCheckpoint!).State.Engine);
        EngineRuns.SameSteps(straight.Outcomes(fromStep: 7), continued.Outcomes(), 2e-4);
    }

    [Fact]
    public void Without_a_run_folder_the_pairs_nets_still_end_with_the_trained_weights()
    {
        var gan = EnginePairs.Create("logit");
        var start = gan.Generator.StateDict().Select(e => (float[])e.Value.Data.Clone()).ToList();
        var run = Adversarial.Train(gan, new SyntheticImages(40), Config with { MaxSteps = 4 }, engine: EngineRuns.Torch);
        using var session = run.Session;
        var trained = ((TorchEngine)session.Engine).Generator.state_dict();
        foreach (var (name, value) in gan.Generator.StateDict())
            Assert.Equal(TorchTensors.ToManaged(trained[name]).Data, value.Data);
        Assert.NotEqual(start[0], gan.Generator.StateDict()[0].Value.Data);
    }

    [Fact]
    public void A_torch_run_samples_and_exports_with_the_managed_nets()
    {
        using var dir = new TempFolder();
        var run = Adversarial.Train(EnginePairs.Create("critic"), new SyntheticImages(48, classes: 3), Critic with { MaxSteps = 5 },
            runDirectory: dir.Path, engine: EngineRuns.Torch);
        using var session = run.Session;
        var torchSamples = run.Samples();
        var checkpoint = CheckpointStore.Load(run.LastCheckpoint!);

        // Sampling: the managed generator with the checkpoint's average, in eval mode, draws what the torch engine draws.
        var generator = EnginePairs.Create("critic", seed: 77).Generator;
        TrainingSession.LoadGenerator(generator, checkpoint);
        generator.Eval();
        var managedSamples = generator.Generate(session.FixedNoise, session.FixedLabels);
        EngineRuns.SameTensors("samples", [("fixed noise", managedSamples)], [("fixed noise", torchSamples)], 1e-5);

        // The session's managed nets hold the trained weights once the run has ended (the torch engine writes them back).
        Assert.Equal(checkpoint.Generator.Select(e => e.Value.Data), session.G.StateDict().Select(e => e.Value.Data));

        // Export: the same weights give the same ONNX file, whether they come from the torch engine or the checkpoint.
        var fromCheckpoint = EnginePairs.Create("critic", seed: 78).Generator;
        TrainingSession.LoadGenerator(fromCheckpoint, checkpoint, preferAverage: false);
        Assert.Equal(OnnxExport.ToBytes(session.G), OnnxExport.ToBytes(fromCheckpoint));
        Assert.NotEqual(OnnxExport.ToBytes(EnginePairs.Create("critic", seed: 79).Generator), OnnxExport.ToBytes(fromCheckpoint));
    }
}

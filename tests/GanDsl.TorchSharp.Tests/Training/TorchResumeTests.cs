using GanDsl.Testing;
using GanDsl.Training;
using GanDsl.Training.Checkpoints;
using GanDsl.TorchSharp.Tests.Support;
using GanDsl.TorchSharp.Training;

namespace GanDsl.TorchSharp.Tests.Training;

/// <summary>
/// Resuming on the torch engine continues the run exactly: the optimizer moments, step counts, batch norm statistics,
/// generator average, dropout stream, noise stream and data position all come back from the checkpoint.
/// </summary>
[Collection(nameof(LibTorchGlobals))]
public class TorchResumeTests
{
    [Fact]
    public void Twenty_steps_after_a_resume_give_the_losses_of_the_uninterrupted_run()
    {
        // Conditional, dropout in D, batch norm in G, the average, Adam; 5 steps per epoch, so step 17 stops mid-epoch.
        var config = TrainingConfig.Default with
        {
            BatchSize = 8, Epochs = 100, LogIntervalSteps = 1, CheckpointIntervalSteps = 0, SampleCount = 6, EmaDecay = 0.9f,
            Optimizer = OptimizerKind.Adam, GeneratorLearningRate = 1e-3f, DiscriminatorLearningRate = 1e-3f, Seed = 21,
        };
        var data = new SyntheticImages(40, classes: 3);
        var straight = new StepRecorder();
        using var whole = new TempFolder();
        var uninterrupted = Adversarial.Train(EnginePairs.Create("dropout"), data, config with { MaxSteps = 37 }, straight, whole.Path, engine: EngineRuns.Torch);
        uninterrupted.Session.Dispose();

        using var split = new TempFolder();
        Adversarial.Train(EnginePairs.Create("dropout"), data, config with { MaxSteps = 17 }, runDirectory: split.Path, engine: EngineRuns.Torch).Session.Dispose();
        var stopped = CheckpointStore.Load(new CheckpointStore(split.Path).Latest()!);
        Assert.Contains(stopped.State.RandomSources, r => r.Name == TorchDropoutSeeds.SourceName);
        var continued = new StepRecorder();
        var resumed = Adversarial.Train(EnginePairs.Create("dropout", seed: 99), data, config with { MaxSteps = 37 }, continued, split.Path,
            resume: true, engine: EngineRuns.Torch);
        resumed.Session.Dispose();

        Assert.Equal(20, continued.Steps.Count);
        EngineRuns.SameSteps(straight.Outcomes(fromStep: 18), continued.Outcomes(), 1e-4);
        var (a, b) = (CheckpointStore.Load(uninterrupted.LastCheckpoint!), CheckpointStore.Load(resumed.LastCheckpoint!));
        EngineRuns.SameTensors("generator", Named(a.Generator), Named(b.Generator), 1e-4);
        EngineRuns.SameTensors("generator average", Named(a.GeneratorEma!), Named(b.GeneratorEma!), 1e-4);
        EngineRuns.SameTensors("optimizer", Named(a.Optimizer), Named(b.Optimizer), 1e-4);
        Assert.Equal(a.State.RandomSources, b.State.RandomSources);
    }

    [Fact]
    public void The_dropout_masks_are_the_engines_own_and_follow_the_saved_stream()
    {
        var config = TrainingConfig.Default with { BatchSize = 8, Epochs = 100, LogIntervalSteps = 1, CheckpointIntervalSteps = 0, SampleCount = 6 };
        var data = new SyntheticImages(40, classes: 3);
        List<TrainingSession.StepOutcome> Steps(ulong seed)
        {
            var recorder = new StepRecorder();
            Adversarial.Train(EnginePairs.Create("dropout"), data, config with { MaxSteps = 3, Seed = seed }, recorder, engine: EngineRuns.Torch).Session.Dispose();
            return recorder.Outcomes();
        }
        // The same run twice takes the same steps; the dropout stream is part of the run (a function of its seed).
        EngineRuns.SameSteps(Steps(4), Steps(4), 1e-6);
    }

    private static List<(string Name, GanDsl.Tensors.Tensor Value)> Named(IReadOnlyList<SafeTensorsEntry> entries) =>
        entries.Select(e => (e.Name, e.Value)).ToList();
}

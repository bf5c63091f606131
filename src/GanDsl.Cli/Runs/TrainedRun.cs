using GanDsl.Cli.Engines;
using GanDsl.Cli.Models;
using GanDsl.Nn;
using GanDsl.Runs;
using GanDsl.Tensors;
using GanDsl.TorchSharp;
using GanDsl.Training;
using GanDsl.Training.Checkpoints;

namespace GanDsl.Cli.Runs;

/// <summary>
/// A run folder's model with the generator of its latest checkpoint loaded (the EMA average when the run kept one), sampled
/// on the engine asked for: the managed generator itself, or the same weights on LibTorch (whichever engine trained the run).
/// </summary>
internal sealed class TrainedRun : IDisposable
{
    private readonly TorchSampler? _torch;

    private readonly DataNormalization? _normalization;

    private TrainedRun(RunInfo info, ServedModel model, GeneratorModule generator, long step, EngineChoice engine, DataNormalization? normalization)
    {
        (Info, Model, Generator, Step, Engine, _normalization) = (info, model, generator, step, engine, normalization);
        _torch = engine.IsTorch ? new TorchSampler(generator, TorchDevices.Parse(engine.Device)) : null;
    }

    public RunInfo Info { get; }
    public ServedModel Model { get; }
    public GeneratorModule Generator { get; }
    public long Step { get; }

    /// <summary>The engine that draws the samples.</summary>
    public EngineChoice Engine { get; }

    public static TrainedRun Open(string runDirectory, EngineChoice? engine = null)
    {
        var folder = RunFolder.Open(runDirectory);
        var model = ModelLookup.ForRun(folder.Info, runDirectory);
        return Load(folder.Info, model, folder.CheckpointOf(GeneratorChoice.Latest), engine);
    }

    /// <summary>The generator of one checkpoint folder of a run (e.g. the one written at an evaluation epoch).</summary>
    public static TrainedRun Load(RunInfo info, ServedModel model, string checkpointDirectory, EngineChoice? engine = null)
    {
        var checkpoint = CheckpointStore.Load(checkpointDirectory);
        var generator = model.Create(checkpoint.State.Config.Seed).Generator;
        TrainingSession.LoadGenerator(generator, checkpoint, preferAverage: true);
        generator.Eval();
        return new TrainedRun(info, model, generator, checkpoint.State.Step, engine ?? EngineChoice.Managed, checkpoint.State.Config.Normalization);
    }

    /// <summary>
    /// <paramref name="count"/> samples from noise seeded by <paramref name="seed"/> (see <see cref="Sampling.Draw"/>), on
    /// <see cref="Engine"/>, in [-1, 1]: mapped back when the run normalised its data. <paramref name="truncation"/> cuts the
    /// noise to ±truncation when given.
    /// </summary>
    public Tensor Sample(int count, ulong seed, int[]? labels = null, float? truncation = null)
    {
        var samples = Sampling.Draw(Generator, count, seed, labels, _torch is null ? null : _torch.Generate, truncation);
        return _normalization is null ? samples : _normalization.Denormalize(samples);
    }

    /// <summary>Frees the LibTorch copy of the generator, if any.</summary>
    public void Dispose() => _torch?.Dispose();
}

using GanDsl.Cli.Models;
using GanDsl.Nn;
using GanDsl.Runs;
using GanDsl.Tensors;
using GanDsl.Training;
using GanDsl.Training.Checkpoints;

namespace GanDsl.Cli.Runs;

/// <summary>A run folder's model with the generator of its latest checkpoint loaded (the EMA average when the run kept one).</summary>
internal sealed class TrainedRun
{
    private TrainedRun(RunInfo info, ServedModel model, GeneratorModule generator, long step)
    {
        (Info, Model, Generator, Step) = (info, model, generator, step);
    }

    public RunInfo Info { get; }
    public ServedModel Model { get; }
    public GeneratorModule Generator { get; }
    public long Step { get; }

    public static TrainedRun Open(string runDirectory)
    {
        var folder = RunFolder.Open(runDirectory);
        var model = ModelLookup.ForRun(folder.Info, runDirectory);
        return Load(folder.Info, model, folder.CheckpointOf(GeneratorChoice.Latest));
    }

    /// <summary>The generator of one checkpoint folder of a run (e.g. the one written at an evaluation epoch).</summary>
    public static TrainedRun Load(RunInfo info, ServedModel model, string checkpointDirectory)
    {
        var checkpoint = CheckpointStore.Load(checkpointDirectory);
        var generator = model.Create(checkpoint.State.Config.Seed).Generator;
        TrainingSession.LoadGenerator(generator, checkpoint, preferAverage: true);
        generator.Eval();
        return new TrainedRun(info, model, generator, checkpoint.State.Step);
    }

    /// <summary><paramref name="count"/> samples from noise seeded by <paramref name="seed"/> (see <see cref="Sampling.Draw"/>).</summary>
    public Tensor Sample(int count, ulong seed, int[]? labels = null) => Sampling.Draw(Generator, count, seed, labels);
}

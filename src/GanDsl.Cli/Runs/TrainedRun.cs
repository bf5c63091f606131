using GanDsl.Autograd;
using GanDsl.Models;
using GanDsl.Nn;
using GanDsl.Tensors;
using GanDsl.Training;
using GanDsl.Training.Checkpoints;

namespace GanDsl.Cli.Runs;

/// <summary>A run folder's model with the generator of its latest checkpoint loaded (the EMA average when the run kept one).</summary>
internal sealed class TrainedRun
{
    private TrainedRun(RunInfo info, ReferenceModel model, GeneratorModule generator, long step)
    {
        (Info, Model, Generator, Step) = (info, model, generator, step);
    }

    public RunInfo Info { get; }
    public ReferenceModel Model { get; }
    public GeneratorModule Generator { get; }
    public long Step { get; }

    public static TrainedRun Open(string runDirectory)
    {
        var info = RunInfo.Read(runDirectory);
        var model = ModelCatalog.Find(info.Model)
            ?? throw new UserError($"The run in {runDirectory} trained '{info.Model}', which this version of gandsl does not know.");
        var latest = new CheckpointStore(runDirectory).Latest()
            ?? throw new UserError($"The run in {runDirectory} has no checkpoint yet; train it first.");
        return Load(info, model, latest);
    }

    /// <summary>The generator of one checkpoint folder of a run (e.g. the one written at an evaluation epoch).</summary>
    public static TrainedRun Load(RunInfo info, ReferenceModel model, string checkpointDirectory)
    {
        var checkpoint = CheckpointStore.Load(checkpointDirectory);
        var generator = model.Create(checkpoint.State.Config.Seed).Generator;
        TrainingSession.LoadGenerator(generator, checkpoint, preferAverage: true);
        generator.Eval();
        return new TrainedRun(info, model, generator, checkpoint.State.Step);
    }

    /// <summary>Draws <paramref name="count"/> samples from N(0, 1) noise seeded by <paramref name="seed"/>, in batches.</summary>
    public Tensor Sample(int count, ulong seed, Func<int, int>? labelOf = null)
    {
        if (Generator.Classes > 0 && labelOf is null) labelOf = i => i % Generator.Classes;
        var rng = new Rng(seed);
        int perSample = Generator.OutputShape.Aggregate(1, (a, b) => a * b);
        var result = new Tensor(new Shape(new[] { count }.Concat(Generator.OutputShape).ToArray()));
        const int batch = 256;
        using var _ = GradMode.NoGrad();
        for (int start = 0; start < count; start += batch)
        {
            int n = Math.Min(batch, count - start);
            var z = new Tensor(new Shape(n, Generator.LatentDim));
            rng.FillNormal(z.Data);
            int[]? labels = labelOf is null ? null : Enumerable.Range(start, n).Select(labelOf).ToArray();
            using var scope = BufferScope.Begin();
            var x = Generator.Generate(z, labels);
            Array.Copy(x.Data, 0, result.Data, start * perSample, n * perSample);
        }
        return result;
    }
}

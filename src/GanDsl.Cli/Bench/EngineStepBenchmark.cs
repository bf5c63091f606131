using GanDsl.Tensors;
using GanDsl.Training;
using GanDsl.Training.Engines;

namespace GanDsl.Cli.Bench;

/// <summary>
/// The bench's training step through an <see cref="ITrainingEngine"/> (the torch engine): one discriminator update on a real
/// batch and a fresh fake batch, one generator update through D, with the bench's recipe (AdamW lr 2e-4, betas (0.5, 0.999),
/// weight decay 1e-5, BCE, batch 128) and its timing rule. The engine's step also reads back the losses, mean scores and
/// gradient norms that training logs, which the peers' loops do not compute.
/// </summary>
internal static class EngineStepBenchmark
{
    public static TrainingStepBenchmark.Result Run(string model, ITrainingEngineFactory factory, int threads, int batch = 128,
        int warmupSteps = 30, int stepsPerRepeat = 20, int repeats = 5)
    {
        var pair = BenchModels.Create(model, seed: 42);
        var config = TrainingConfig.Default with { BatchSize = batch, Loss = GanLoss.NonSaturating };
        using var engine = factory.Create(pair, config);
        var rng = new Rng(42);
        var real = new Tensor(new Shape(batch, 1, 28, 28));
        rng.FillUniform(real.Data, -1f, 1f);
        var noise = new Tensor(new Shape(batch, pair.Generator.LatentDim));

        void Step()
        {
            rng.FillNormal(noise.Data);
            engine.BeginStep();
            try
            {
                engine.DiscriminatorStep(new DiscriminatorBatch(real, null, noise, null, null, KeepFakeForGenerator: true));
                engine.GeneratorStep();
            }
            finally
            {
                engine.EndStep();
            }
        }

        var (ms, bytes) = TrainingStepBenchmark.Time(Step, warmupSteps, stepsPerRepeat, repeats);
        return new TrainingStepBenchmark.Result(model, batch, threads, ms, bytes);
    }
}

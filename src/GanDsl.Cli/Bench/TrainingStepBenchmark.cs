using System.Diagnostics;
using GanDsl.Autograd;
using GanDsl.Nn;
using GanDsl.Nn.Optimizers;
using GanDsl.Tensors;

namespace GanDsl.Cli.Bench;

/// <summary>
/// Times one adversarial training step (D on real and detached fake, then G through D; AdamW, BCE, batch 128) with the
/// step structure of the PyTorch peer script, after a warm-up long enough for tiered compilation to settle; like the peer,
/// it reports the median over 5 repeats of the mean over 20 steps.
/// As GanDsl's managed engine does (<c>ManagedEngine.GeneratorStep</c>), the G step runs through D with D's parameters
/// frozen, so it skips D's weight gradients, which the peer computes and then zeroes unused.
/// </summary>
internal static class TrainingStepBenchmark
{
    public sealed record Result(string Model, int Batch, int Threads, double MsPerStep, long AllocBytesPerStep);

    public static Result Run(string model, int batch = 128, int warmupSteps = 30, int stepsPerRepeat = 20, int repeats = 5)
    {
        var pair = BenchModels.Create(model, seed: 42);
        var rng = new Rng(42);
        var optG = new AdamW(pair.Generator.Parameters(), 2e-4f, 0.5f, 0.999f, 1e-8f, 1e-5f);
        var optD = new AdamW(pair.Discriminator.Parameters(), 2e-4f, 0.5f, 0.999f, 1e-8f, 1e-5f);
        var real = new Tensor(new Shape(batch, 1, 28, 28));
        rng.FillUniform(real.Data, -1f, 1f);
        var ones = Tensor.Full(1f, batch, 1);
        var zeros = Tensor.Zeros(batch, 1);
        var noise = new Tensor(new Shape(batch, pair.Generator.LatentDim));

        void Step()
        {
            using var buffers = BufferScope.Begin(); // intermediate tensors recycled at the end of the step
            rng.FillNormal(noise.Data);
            var lossReal = Ops.BinaryCrossEntropy(pair.Discriminator.Forward(real), ones);
            var fake = pair.Generator.Forward(noise);
            var lossFake = Ops.BinaryCrossEntropy(pair.Discriminator.Forward(fake.Detach()), zeros);
            var lossD = Ops.Scale(Ops.Add(lossReal, lossFake), 0.5f);
            optD.ZeroGrad();
            Engine.Backward(lossD);
            optD.Step();
            SetRequiresGrad(optD.Parameters, false);
            var lossG = Ops.BinaryCrossEntropy(pair.Discriminator.Forward(fake), ones);
            optG.ZeroGrad();
            Engine.Backward(lossG);
            SetRequiresGrad(optD.Parameters, true);
            optG.Step();
        }

        var (ms, bytes) = Time(Step, warmupSteps, stepsPerRepeat, repeats);
        return new Result(model, batch, GanDsl.Tensors.Kernels.KernelSettings.Threads, ms, bytes);
    }

    /// <summary>
    /// The timing rule of the peer script: <paramref name="warmupSteps"/> untimed steps, then the median over
    /// <paramref name="repeats"/> of the mean over <paramref name="stepsPerRepeat"/> steps; with the managed bytes allocated per step.
    /// </summary>
    public static (double MsPerStep, long AllocBytesPerStep) Time(Action step, int warmupSteps, int stepsPerRepeat, int repeats)
    {
        for (int i = 0; i < warmupSteps; i++) step();
        var times = new List<double>();
        long allocated = 0;
        for (int r = 0; r < repeats; r++)
        {
            long before = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < stepsPerRepeat; i++) step();
            times.Add(clock.Elapsed.TotalMilliseconds / stepsPerRepeat);
            allocated += GC.GetTotalAllocatedBytes(precise: true) - before;
        }
        times.Sort();
        return (times[times.Count / 2], allocated / (repeats * stepsPerRepeat));
    }

    private static void SetRequiresGrad(IReadOnlyList<Tensor> parameters, bool value)
    {
        foreach (var p in parameters) p.RequiresGrad = value;
    }
}

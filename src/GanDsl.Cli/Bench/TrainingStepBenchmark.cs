using System.Diagnostics;
using GanDsl.Autograd;
using GanDsl.Nn;
using GanDsl.Nn.Optimizers;
using GanDsl.Tensors;
using GanDsl.Training;

namespace GanDsl.Cli.Bench;

/// <summary>
/// Times one adversarial training step (D on real and detached fake, then G through D; AdamW, BCE or BCE-with-logits as D
/// ends, batch 128; a conditional pair's fake labels drawn with each step's noise; a D with a class head adds its
/// cross-entropy on the real batch to D's loss and on the fakes to G's, as training does) with the step structure of the peer scripts
/// in bench/, after a warm-up long enough for tiered compilation to settle; like the peer,
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
        var (generator, discriminator) = (pair.Generator, pair.Discriminator);
        var optG = new AdamW(generator.Parameters(), 2e-4f, 0.5f, 0.999f, 1e-8f, 1e-5f);
        var optD = new AdamW(discriminator.Parameters(), 2e-4f, 0.5f, 0.999f, 1e-8f, 1e-5f);
        var inputs = new BenchInputs(pair, batch, new Rng(42));
        var ones = Tensor.Full(1f, batch, 1);
        var zeros = Tensor.Zeros(batch, 1);
        // BCE on probabilities for a D that ends in Sigmoid, BCE-with-logits for one that ends in a logit, as training does.
        bool probabilities = discriminator.OutputsProbability;
        Tensor Bce(Tensor scores, Tensor target) =>
            probabilities ? Ops.BinaryCrossEntropy(scores, target) : Ops.BinaryCrossEntropyWithLogits(scores, target);

        void Step()
        {
            using var buffers = BufferScope.Begin(); // intermediate tensors recycled at the end of the step
            inputs.Draw();
            var (realScores, realLogits) = discriminator.Judge(inputs.Real, inputs.RealLabels);
            var lossReal = Bce(realScores, ones);
            var fake = generator.Generate(inputs.Noise, inputs.FakeLabels);
            var lossFake = Bce(discriminator.Score(fake.Detach(), inputs.FakeLabels), zeros);
            var lossD = Ops.Scale(Ops.Add(lossReal, lossFake), 0.5f);
            if (realLogits is not null) lossD = Ops.Add(lossD, ClassHeadLosses.Discriminator(realLogits, inputs.RealLabels!));
            optD.ZeroGrad();
            Engine.Backward(lossD);
            optD.Step();
            SetRequiresGrad(optD.Parameters, false);
            var (fakeScores, fakeLogits) = discriminator.Judge(fake, inputs.FakeLabels);
            var lossG = Bce(fakeScores, ones);
            if (fakeLogits is not null) lossG = Ops.Add(lossG, ClassHeadLosses.Generator(fakeLogits, inputs.FakeLabels!));
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

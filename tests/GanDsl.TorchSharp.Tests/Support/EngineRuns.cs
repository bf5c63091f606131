using System.Globalization;
using GanDsl.Nn;
using GanDsl.Tensors;
using GanDsl.Training;
using GanDsl.Training.Engines;
using GanDsl.TorchSharp.Training;

namespace GanDsl.TorchSharp.Tests.Support;

/// <summary>Runs a pair for some steps on an engine and compares what two engines did.</summary>
internal static class EngineRuns
{
    /// <summary>The torch engine on the CPU.</summary>
    public static ITrainingEngineFactory Torch { get; } = new TorchEngineFactory();

    /// <summary>A fresh session stepped <paramref name="steps"/> times; the caller disposes it.</summary>
    public static (List<TrainingSession.StepOutcome> Steps, TrainingSession Session) Run(IGan gan, ITrainingData data, TrainingConfig config,
        ITrainingEngineFactory engine, int steps)
    {
        var session = TrainingSession.Start(gan, data, config, engine);
        var outcomes = new List<TrainingSession.StepOutcome>(steps);
        for (int i = 0; i < steps; i++) outcomes.Add(session.RunStep());
        return (outcomes, session);
    }

    /// <summary>Asserts |expected − actual| ≤ tolerance · max(1, |expected|), naming the quantity and the step.</summary>
    public static void Close(string what, double expected, double actual, double tolerance)
    {
        double allowed = tolerance * Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= allowed, string.Create(CultureInfo.InvariantCulture,
            $"{what}: {actual:R} but {expected:R} expected (|diff| {Math.Abs(expected - actual):G3} > {allowed:G3})."));
    }

    /// <summary>Every step's losses, penalty, mean scores and gradient norms of two runs agree to <paramref name="tolerance"/>.</summary>
    public static void SameSteps(IReadOnlyList<TrainingSession.StepOutcome> expected, IReadOnlyList<TrainingSession.StepOutcome> actual, double tolerance)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            string at = $"step {e.Step}";
            Assert.Equal(e.Step, a.Step);
            Close($"{at} D loss", e.DiscriminatorLoss, a.DiscriminatorLoss, tolerance);
            Close($"{at} G loss", e.GeneratorLoss, a.GeneratorLoss, tolerance);
            Close($"{at} penalty", e.Penalty, a.Penalty, tolerance);
            Close($"{at} mean D(x)", e.MeanReal, a.MeanReal, tolerance);
            Close($"{at} mean D(G(z))", e.MeanFake, a.MeanFake, tolerance);
            Close($"{at} D gradient norm", e.DiscriminatorGradNorm, a.DiscriminatorGradNorm, tolerance);
            Close($"{at} G gradient norm", e.GeneratorGradNorm, a.GeneratorGradNorm, tolerance);
        }
    }

    /// <summary>Two lists of named tensors hold the same names, shapes and values (to <paramref name="tolerance"/>, relative to each tensor's largest magnitude).</summary>
    public static void SameTensors(string what, IReadOnlyList<(string Name, Tensor Value)> expected, IReadOnlyList<(string Name, Tensor Value)> actual, double tolerance)
    {
        Assert.Equal(expected.Select(e => e.Name), actual.Select(a => a.Name));
        for (int i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i].Value, actual[i].Value);
            Assert.Equal(e.Shape, a.Shape);
            double scale = Math.Max(1, e.Data.Take(e.Size).Select(v => Math.Abs((double)v)).DefaultIfEmpty(0).Max());
            for (int j = 0; j < e.Size; j++)
                Close($"{what} {expected[i].Name}[{j}]", e.Data[j], a.Data[j], tolerance * scale);
        }
    }

    /// <summary>Two engine states agree to <paramref name="tolerance"/> in everything but their random sources.</summary>
    public static void SameState(EngineState expected, EngineState actual, double tolerance)
    {
        SameTensors("generator", expected.Generator, actual.Generator, tolerance);
        SameTensors("discriminator", expected.Discriminator, actual.Discriminator, tolerance);
        Assert.Equal(expected.GeneratorOptimizer.Steps, actual.GeneratorOptimizer.Steps);
        Assert.Equal(expected.DiscriminatorOptimizer.Steps, actual.DiscriminatorOptimizer.Steps);
        SameTensors("generator optimizer", expected.GeneratorOptimizer.State, actual.GeneratorOptimizer.State, tolerance);
        SameTensors("discriminator optimizer", expected.DiscriminatorOptimizer.State, actual.DiscriminatorOptimizer.State, tolerance);
        Assert.Equal(expected.GeneratorAverage is null, actual.GeneratorAverage is null);
        if (expected.GeneratorAverage is { } average) SameTensors("generator average", average, actual.GeneratorAverage!, tolerance);
    }
}

using GanDsl.Data;
using GanDsl.Examples;
using GanDsl.Tensors;
using GanDsl.Training;
using GanDsl.Training.Checkpoints;

namespace GanDsl.Examples.Tests;

/// <summary>Every reference GAN trains a few steps through the shared loop with its own config and writes a checkpoint.</summary>
public class ExampleTrainingTests
{
    private static ITrainingData SmallData(ExampleModel model)
    {
        if (model.Dataset == ExampleModel.GeneratedData) return new SevenBitData(count: 64);
        var rng = new Rng(3);
        var images = new float[32 * 28 * 28];
        rng.FillUniform(images, -1f, 1f);
        var labels = Enumerable.Range(0, 32).Select(i => i % 10).ToArray();
        return Dataset.Create("synthetic", images, labels, 1, 28, 28, 10);
    }

    [Theory]
    [MemberData(nameof(ExampleCatalogTests.Names), MemberType = typeof(ExampleCatalogTests))]
    public void Example_trains_three_steps_with_finite_losses_and_writes_a_checkpoint(string name)
    {
        var model = ExampleCatalog.Get(name);
        var run = Directory.CreateTempSubdirectory("gandsl-example-").FullName;
        try
        {
            var config = model.Config with { BatchSize = 8, MaxSteps = 3, LogIntervalSteps = 1, SampleCount = 4 };
            var reports = new List<StepReport>();
            var result = Adversarial.Train(model.Create(5), SmallData(model), config, new Collect(reports), run);
            Assert.Equal(3, result.Steps);
            Assert.Equal(3, reports.Count);
            Assert.All(reports, r => Assert.True(float.IsFinite(r.DiscriminatorLoss) && float.IsFinite(r.GeneratorLoss)));
            var checkpoint = CheckpointStore.Load(result.LastCheckpoint!);
            Assert.Equal(3, checkpoint.State.Step);
            Assert.NotEmpty(checkpoint.Generator);
        }
        finally
        {
            Directory.Delete(run, recursive: true);
        }
    }

    private sealed class Collect(List<StepReport> into) : ITrainingObserver
    {
        public void OnStep(StepReport report) => into.Add(report);
    }
}

using GanDsl.Training;
using GanDsl.Training.Checkpoints;

namespace GanDsl.Models.Tests;

/// <summary>Every reference GAN trains a few steps through the shared loop with its own config and writes a checkpoint.</summary>
public class ModelTrainingTests
{
    [Theory]
    [MemberData(nameof(ModelCatalogTests.Names), MemberType = typeof(ModelCatalogTests))]
    public void Model_trains_three_steps_with_finite_losses_and_writes_a_checkpoint(string name)
    {
        var model = ModelCatalog.Get(name);
        using var run = new TempFolder();
        var config = model.Config with { BatchSize = 8, MaxSteps = 3, LogIntervalSteps = 1, SampleCount = 4 };
        var reports = new List<StepReport>();
        var result = Adversarial.Train(model.Create(5), SmallData.For(model), config, new Collect(reports), run.Path);
        Assert.Equal(3, result.Steps);
        Assert.Equal(3, reports.Count);
        Assert.All(reports, r => Assert.True(float.IsFinite(r.DiscriminatorLoss) && float.IsFinite(r.GeneratorLoss)));
        var checkpoint = CheckpointStore.Load(result.LastCheckpoint!);
        Assert.Equal(3, checkpoint.State.Step);
        Assert.NotEmpty(checkpoint.Generator);
    }

    private sealed class Collect(List<StepReport> into) : ITrainingObserver
    {
        public void OnStep(StepReport report) => into.Add(report);
    }
}

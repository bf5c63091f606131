using GanDsl.Nn.Progressive;
using GanDsl.Tensors;
using GanDsl.Training;
using GanDsl.Training.Checkpoints;

namespace GanDsl.Models.Tests;

public class ProgressiveModelTests
{
    [Fact]
    public void The_model_grows_7_14_28_and_its_counts_match_the_allocated_parameters()
    {
        var gan = new ProgressiveFashionGan(3);
        Assert.Equal(ProgressiveGenerator28.ParameterCount, gan.Generator.ParameterElementCount());
        Assert.Equal(ProgressiveDiscriminator28.ParameterCount, gan.Discriminator.ParameterElementCount());
        Assert.Equal(new[] { 7, 14, 28 }, Enumerable.Range(0, 3).Select(k => gan.Generator.StageImageShape(k)[1]));
        Assert.Equal(new ProgressState(0, 1f, 1500, 750), gan.Progress);
        Assert.Same(ModelCatalog.Get("progressive").GeneratorSummary, ProgressiveGenerator28.Summary);
        Assert.Equal("fashion-mnist", ModelCatalog.Get("progressive").Dataset);
    }

    [Fact]
    public void The_shared_loop_trains_it_through_every_stage_and_checkpoints_the_stage()
    {
        using var dir = new TempFolder();
        var gan = new ProgressiveFashionGan(3, new ProgressiveSchedule(StepsPerStage: 2, FadeSteps: 1));
        var config = TrainingConfig.Default with { BatchSize = 4, MaxSteps = 6, SampleCount = 4, LogIntervalSteps = 1, CheckpointIntervalSteps = 0 };
        var losses = new List<float>();
        var run = Adversarial.Train(gan, SmallData.Images(16), config, new LossRecorder(losses), runDirectory: dir.Path);
        Assert.Equal(6, run.Steps);
        Assert.Equal(12, losses.Count);
        Assert.All(losses, l => Assert.True(float.IsFinite(l)));
        Assert.Equal(new ProgressState(2, 1f, 2, 1), CheckpointStore.Load(run.LastCheckpoint!).State.Progress);
        Assert.Equal(new Shape(4, 1, 28, 28), run.Samples().Shape);
    }

    private sealed class LossRecorder(List<float> losses) : ITrainingObserver
    {
        public void OnStep(StepReport step)
        {
            losses.Add(step.DiscriminatorLoss);
            losses.Add(step.GeneratorLoss);
        }
    }
}

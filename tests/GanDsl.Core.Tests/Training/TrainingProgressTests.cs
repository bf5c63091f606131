using GanDsl.Training;
using GanDsl.Training.Checkpoints;

namespace GanDsl.Core.Tests.Training;

public class TrainingProgressTests
{
    private static TrainingProgress Progress(int stepsPerEpoch, long total) => new(new RunLength(8, stepsPerEpoch, total));

    [Fact]
    public void It_counts_steps_and_epochs_and_reports_each_finished_epochs_mean_losses()
    {
        var p = Progress(stepsPerEpoch: 3, total: 7);
        Assert.Null(p.Count(1f, 10f));
        Assert.Null(p.Count(2f, 20f));
        Assert.Equal((2, 1, 1.5f, 15f), (p.StepInEpoch, p.CurrentEpoch, p.CurrentEpochMeans.Discriminator, p.CurrentEpochMeans.Generator));
        Assert.Equal(new EpochLosses(2f, 20f), p.Count(3f, 30f)); // the third step ends epoch 1
        Assert.Equal((3L, 1, 0, 2), (p.Step, p.CompletedEpochs, p.StepInEpoch, p.CurrentEpoch));
        Assert.Equal(default, p.CurrentEpochMeans); // the new epoch starts from nothing

        Assert.Null(p.Count(5f, 50f));
        Assert.Equal(new EpochLosses(5f, 50f), p.CurrentEpochMeans);
        Assert.False(p.Finished);
    }

    [Fact]
    public void It_is_finished_at_the_total_even_mid_epoch()
    {
        var p = Progress(stepsPerEpoch: 5, total: 2);
        p.Count(1f, 1f);
        Assert.False(p.Finished);
        p.Count(1f, 1f);
        Assert.True(p.Finished);
        Assert.Equal(0, p.CompletedEpochs);
    }

    [Fact]
    public void A_checkpoint_carries_the_counters_and_the_epochs_sums_to_a_resumed_run()
    {
        var p = Progress(stepsPerEpoch: 4, total: 20);
        foreach (var loss in new[] { 1f, 2f, 3f, 4f, 5f, 7f }) p.Count(loss, -loss);
        var state = p.WriteTo(new CheckpointState { Config = TrainingConfig.Default });
        Assert.Equal((6L, 1, 2, 12.0, -12.0), (state.Step, state.CompletedEpochs, state.StepInEpoch, state.EpochDiscriminatorLossSum, state.EpochGeneratorLossSum));

        var resumed = Progress(stepsPerEpoch: 4, total: 20);
        resumed.ReadFrom(state);
        Assert.Equal(p.CurrentEpochMeans, resumed.CurrentEpochMeans);
        Assert.Null(resumed.Count(1f, 1f));
        Assert.Equal(new EpochLosses(13f / 4, -13f / 4), resumed.Count(0f, -2f));
    }
}

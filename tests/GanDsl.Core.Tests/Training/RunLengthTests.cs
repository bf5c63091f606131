using GanDsl.Training;

namespace GanDsl.Core.Tests.Training;

public class RunLengthTests
{
    [Theory]
    [InlineData(40, 8, 1, 2, null, 8L, 5, 10L)]      // 5 whole steps per epoch, two epochs
    [InlineData(43, 8, 1, 2, null, 8L, 5, 10L)]      // the 3 samples left over are not a step
    [InlineData(48, 8, 2, 10, null, 16L, 3, 30L)]    // two critic updates read two batches per step
    [InlineData(40, 8, 1, 20, 7L, 8L, 5, 7L)]        // MaxSteps ends the run first
    [InlineData(40, 8, 1, 1, 70L, 8L, 5, 5L)]        // Epochs ends the run first
    [InlineData(4096, 64, 1, 20, null, 64L, 64, 1280L)] // seven-bit's defaults
    public void Steps_per_epoch_and_the_total_follow_from_config_and_data(int count, int batch, int critic, int epochs, long? maxSteps,
        long perStep, int perEpoch, long total)
    {
        var config = TrainingConfig.Default with { BatchSize = batch, CriticSteps = critic, Epochs = epochs, MaxSteps = maxSteps };
        Assert.Equal(new RunLength(perStep, perEpoch, total), RunLength.Of(config, count));
    }

    [Fact]
    public void The_loop_stops_at_the_total_it_announces()
    {
        var config = Configs.Tiny with { CriticSteps = 2, Epochs = 2 };
        var data = new InMemoryData(40);
        var run = Adversarial.Train(new MlpGan(1, true), data, config);
        Assert.Equal(RunLength.Of(config, data.Count).TotalSteps, run.Steps);
        Assert.Equal(4, run.Steps); // 40 / (8 × 2) = 2 steps per epoch
    }
}

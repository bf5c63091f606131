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

    [Theory]
    [InlineData(null, 1000L, 1000L)]  // epochs unset: MaxSteps alone decides, far past 20 epochs of 5 steps
    [InlineData(null, null, 100L)]    // neither set: TrainingConfig.DefaultEpochs (20) epochs
    [InlineData(3, 1000L, 15L)]       // both set: whichever comes first
    public void Unset_epochs_leave_the_length_to_max_steps(int? epochs, long? maxSteps, long total)
    {
        var config = TrainingConfig.Default with { BatchSize = 8, Epochs = epochs, MaxSteps = maxSteps };
        Assert.Empty(config.Validate());
        Assert.Equal(total, RunLength.Of(config, 40).TotalSteps);
    }

    [Fact]
    public void A_config_with_max_steps_and_no_epochs_trains_to_max_steps()
    {
        var config = Configs.Tiny with { Epochs = null, MaxSteps = 70 }; // 5 steps per epoch: 14 epochs, past Tiny's 3
        var run = Adversarial.Train(new MlpGan(1, true), new InMemoryData(40), config);
        Assert.Equal(70, run.Steps);
    }

    [Fact]
    public void A_saved_config_with_epochs_reads_back_and_one_without_them_writes_null()
    {
        var options = new System.Text.Json.JsonSerializerOptions { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
        var old = System.Text.Json.JsonSerializer.Deserialize<TrainingConfig>("""{"Epochs": 20, "MaxSteps": 640, "BatchSize": 64}""", options)!;
        Assert.Equal((20, 640L, 64), (old.Epochs, old.MaxSteps, old.BatchSize));
        var json = System.Text.Json.JsonSerializer.Serialize(TrainingConfig.Default with { MaxSteps = 5 }, options);
        Assert.Contains("\"Epochs\":null", json);
        Assert.DoesNotContain("EffectiveEpochs", json);
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

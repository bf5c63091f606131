using GanDsl.Cli.Runs;
using GanDsl.Cli.Tests.Evaluation;
using GanDsl.Training;
using GanDsl.Training.Checkpoints;

namespace GanDsl.Cli.Tests;

/// <summary>A model that normalises its data (lightning-cnn, MNIST with (0.1307, 0.3081)) through the CLI's run folder.</summary>
public class NormalizedRunTests
{
    [Fact]
    public void The_run_records_its_normalisation_and_sampling_maps_the_generators_values_back()
    {
        using var dir = new TempFolder();
        TinyDataset.Write(Path.Combine(dir.Path, "data"));
        var train = Gandsl.Run(dir.Path, "train", "lightning-cnn", "--dataset", "data", "--out", "run", "--max-steps", "2", "--batch-size", "16");
        Assert.True(train.ExitCode == 0, train.Stderr);

        var store = new CheckpointStore(Path.Combine(dir.Path, "run"));
        Assert.Equal(DataNormalization.Mnist, CheckpointStore.Load(store.List()[^1]).State.Config.Normalization);

        using var run = TrainedRun.Open(Path.Combine(dir.Path, "run"));
        var raw = Sampling.Draw(run.Generator, 16, seed: 3);
        var samples = run.Sample(16, seed: 3);
        Assert.Equal(DataNormalization.Mnist.Denormalize(raw).Data, samples.Data);
        // A fresh generator's outputs sit near 0, the normalised mean pixel; mapped back they are dark (≈ 2·0.1307 − 1).
        Assert.InRange(samples.Data.Average(), -0.9, -0.5);
    }
}

using GanDsl.Evaluation;

namespace GanDsl.Core.Tests.Evaluation;

public class DomainClassifierTests(TrainedTinyClassifier trained) : IClassFixture<TrainedTinyClassifier>
{
    [Fact]
    public void The_default_network_has_128_features_and_10_classes_and_pytorch_state_names()
    {
        var classifier = new DomainClassifier(seed: 1);
        var images = Synthetic.Quadrants(3, seed: 2).Images;
        var outputs = classifier.Embed(images);
        Assert.Equal((3, 128), (outputs.Features.Count, outputs.Features.Dimension));
        Assert.Equal(30, outputs.Probabilities.Length);
        Assert.Equal(["0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var", "1.num_batches_tracked",
                "4.weight", "4.bias", "5.weight", "5.bias", "5.running_mean", "5.running_var", "5.num_batches_tracked",
                "9.weight", "9.bias", "12.weight", "12.bias"],
            classifier.Network.StateDict().Select(e => e.Name));
        Assert.Equal(32 * 9 + 32 + 2 * 32 + 64 * 32 * 9 + 64 + 2 * 64 + 64 * 7 * 7 * 128 + 128 + 128 * 10 + 10, classifier.Network.ParameterElementCount());
    }

    [Fact]
    public void Probabilities_are_distributions_and_features_are_post_relu_and_repeatable()
    {
        var images = Synthetic.Quadrants(20, seed: 3).Images;
        var first = trained.Classifier.Embed(images);
        var second = trained.Classifier.Embed(images);
        Assert.Equal(first.Features.Data, second.Features.Data); // eval mode: dropout is off
        Assert.Equal(first.Probabilities, second.Probabilities);
        for (int i = 0; i < 20; i++)
            Assert.Equal(1.0, first.Probabilities.AsSpan(i * 4, 4).ToArray().Sum(p => (double)p), 5);
        Assert.All(first.Features.Data, f => Assert.True(f >= 0, "features are taken after a ReLU"));
    }

    [Fact]
    public void Training_on_tiny_synthetic_data_learns_the_classes_and_reports_every_step()
    {
        var (images, labels) = Synthetic.Quadrants(80, seed: 99); // held out: other noise and offsets
        Assert.True(trained.Classifier.Accuracy(images, labels) >= 0.95, $"held-out accuracy {trained.Classifier.Accuracy(images, labels)}");
        int epochs = TrainedTinyClassifier.Options.Epochs;
        Assert.Equal(epochs * 10, trained.Progress.Count);
        Assert.Equal((1, 1, 10), (trained.Progress[0].Epoch, trained.Progress[0].Step, trained.Progress[0].StepsPerEpoch));
        Assert.Equal((epochs, 10), (trained.Progress[^1].Epoch, trained.Progress[^1].Step));
        Assert.True(trained.Progress[^1].Loss < trained.Progress[0].Loss / 2, $"loss {trained.Progress[0].Loss} → {trained.Progress[^1].Loss}");
    }

    [Fact]
    public void Training_is_deterministic_for_a_fixed_seed()
    {
        var again = ClassifierTraining.Train(trained.TrainImages, trained.TrainLabels, TrainedTinyClassifier.Options, Synthetic.TinyArchitecture);
        foreach (var ((name, a), (_, b)) in trained.Classifier.Network.StateDict().Zip(again.Network.StateDict()))
            Assert.True(a.Data.AsSpan().SequenceEqual(b.Data), $"{name} differs between two runs with seed 42");
        var other = ClassifierTraining.Train(trained.TrainImages, trained.TrainLabels, TrainedTinyClassifier.Options with { Seed = 43, Epochs = 1 }, Synthetic.TinyArchitecture);
        Assert.False(other.Network.StateDict()[0].Value.Data.AsSpan().SequenceEqual(again.Network.StateDict()[0].Value.Data));
    }

    [Fact]
    public void Bad_inputs_are_refused_with_a_message()
    {
        Assert.Contains("28x28", Assert.Throws<ArgumentException>(() => trained.Classifier.Embed(new float[100])).Message);
        Assert.Contains("one label per image", Assert.Throws<ArgumentException>(() =>
            ClassifierTraining.Train(new float[2 * 784], [0], architecture: Synthetic.TinyArchitecture)).Message);
        Assert.Contains("outside [0, 4)", Assert.Throws<ArgumentOutOfRangeException>(() =>
            ClassifierTraining.Train(new float[784], [4], architecture: Synthetic.TinyArchitecture)).Message);
        Assert.Contains("Epochs", Assert.Throws<ArgumentOutOfRangeException>(() =>
            ClassifierTraining.Train(new float[784], [0], new ClassifierTrainingOptions(Epochs: 0))).Message);
    }
}

public class ClassifierLearningRateScheduleTests
{
    [Theory]
    [InlineData(0, 1000, 1e-3)]
    [InlineData(500, 1000, 5e-4)]
    [InlineData(250, 1000, 8.535534e-4)] // (1 + cos(π/4)) / 2
    [InlineData(999, 1000, 2.4674e-9)]
    public void The_cosine_schedule_starts_at_the_rate_halves_midway_and_ends_near_zero(long step, long total, double expected) =>
        Assert.Equal(expected, ClassifierTraining.CosineLearningRate(1e-3f, step, total), 1e-9);
}

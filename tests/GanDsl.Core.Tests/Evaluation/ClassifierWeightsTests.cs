using System.Buffers.Binary;
using System.Text.Json;
using GanDsl.Evaluation;
using GanDsl.Training.Checkpoints;

namespace GanDsl.Core.Tests.Evaluation;

public class ClassifierWeightsTests(TrainedTinyClassifier trained) : IClassFixture<TrainedTinyClassifier>
{
    [Fact]
    public void Saved_weights_load_back_bit_identical_with_a_sha256sum_line_beside_them()
    {
        using var dir = new TempFolder();
        var path = dir.File("quadrants.safetensors");
        ClassifierWeights.Save(trained.Classifier, path);
        var line = File.ReadAllText(ClassifierWeights.HashPath(path));
        Assert.Matches("^[0-9a-f]{64}  quadrants\\.safetensors\n$", line);

        var loaded = ClassifierWeights.TryLoad(path, Synthetic.TinyArchitecture);
        Assert.Equal(WeightsStatus.Loaded, loaded.Status);
        var images = Synthetic.Quadrants(8, seed: 5).Images;
        Assert.Equal(trained.Classifier.Probabilities(images), loaded.Classifier!.Probabilities(images));
    }

    [Fact]
    public void The_file_is_valid_safetensors_with_the_architecture_in_its_metadata()
    {
        using var dir = new TempFolder();
        var path = dir.File("w.safetensors");
        ClassifierWeights.Save(trained.Classifier, path);
        var bytes = File.ReadAllBytes(path);
        int headerLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.Equal(0, headerLength % 8);
        using var header = JsonDocument.Parse(bytes.AsMemory(8, headerLength));
        Assert.Equal(Synthetic.TinyArchitecture.Fingerprint + ";" + ClassifierTraining.Recipe, header.RootElement.GetProperty("__metadata__").GetProperty("gandsl_classifier").GetString());
        var weight = header.RootElement.GetProperty("0.weight");
        Assert.Equal([4, 1, 3, 3], weight.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()));
        long total = trained.Classifier.Network.StateDict().Sum(e => 4L * e.Value.Size);
        Assert.Equal(8 + headerLength + total, bytes.Length);
    }

    [Fact]
    public void Weights_of_an_older_training_recipe_with_a_valid_hash_are_retrained()
    {
        using var dir = new TempFolder();
        var path = dir.File("old.safetensors");
        var entries = trained.Classifier.Network.StateDict().Select(e => new SafeTensorsEntry(e.Name, e.Value)).ToList();
        var bytes = SafeTensors.Serialize(entries, new Dictionary<string, string> { ["gandsl_classifier"] = Synthetic.TinyArchitecture.Fingerprint });
        File.WriteAllBytes(path, bytes);
        File.WriteAllText(ClassifierWeights.HashPath(path), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)) + "  old.safetensors\n");

        var result = ClassifierWeights.TryLoad(path, Synthetic.TinyArchitecture);
        Assert.Equal(WeightsStatus.Invalid, result.Status);
        Assert.Contains("training recipe", result.Message);
    }

    [Fact]
    public void Missing_corrupted_and_foreign_weights_ask_for_retraining()
    {
        using var dir = new TempFolder();
        var path = dir.File("w.safetensors");
        Assert.Equal(WeightsStatus.Missing, ClassifierWeights.TryLoad(path, Synthetic.TinyArchitecture).Status);

        ClassifierWeights.Save(trained.Classifier, path);
        Assert.Equal(WeightsStatus.Invalid, ClassifierWeights.TryLoad(path, ClassifierArchitecture.Default).Status);

        var bytes = File.ReadAllBytes(path);
        bytes[^1] ^= 0x40;
        File.WriteAllBytes(path, bytes);
        var corrupted = ClassifierWeights.TryLoad(path, Synthetic.TinyArchitecture);
        Assert.Equal(WeightsStatus.HashMismatch, corrupted.Status);
        Assert.Null(corrupted.Classifier);
        Assert.Contains("SHA-256", corrupted.Message);
    }

    [Fact]
    public void The_cache_trains_once_then_loads_and_retrains_after_corruption()
    {
        using var dir = new TempFolder();
        var path = dir.File("cache/quadrants.safetensors");
        int reads = 0;
        (float[], int[]) Data() { reads++; return (trained.TrainImages, trained.TrainLabels); }
        var options = TrainedTinyClassifier.Options with { Epochs = 1 };

        var first = ClassifierCache.LoadOrTrain(path, Data, options, Synthetic.TinyArchitecture);
        var second = ClassifierCache.LoadOrTrain(path, Data, options, Synthetic.TinyArchitecture);
        Assert.True(first.Trained);
        Assert.False(second.Trained);
        Assert.Equal(1, reads);

        File.WriteAllText(ClassifierWeights.HashPath(path), new string('0', 64) + "  quadrants.safetensors\n");
        var third = ClassifierCache.LoadOrTrain(path, Data, options, Synthetic.TinyArchitecture);
        Assert.True(third.Trained);
        Assert.Equal(2, reads);
        Assert.Equal(WeightsStatus.Loaded, ClassifierWeights.TryLoad(path, Synthetic.TinyArchitecture).Status);
    }
}

using System.Text.Json;
using GanDsl.Data;

namespace GanDsl.Cli.Tests.Evaluation;

/// <summary><c>gandsl evaluate --images FILE.idx --dataset NAME</c> end to end, on a tiny dataset and a tiny classifier.</summary>
public class EvaluateImagesTests
{
    private static readonly string[] Keys = ["fcd", "kid", "kid_std", "classifier_score", "coverage", "classes_covered", "conditional_accuracy", "samples"];

    private static Gandsl.Result Evaluate(string dir, string images, params string[] more) =>
        Gandsl.RunWith(TinyDataset.TinyClassifier, dir, ["evaluate", "--images", images, "--dataset", "fashion-mnist", "--dataset-dir", "data", .. more]);

    [Fact]
    public void The_test_split_scored_against_itself_is_at_distance_zero_and_the_classifier_is_trained_once_then_cached()
    {
        using var dir = new TempFolder();
        TinyDataset.Write(Path.Combine(dir.Path, "data"));

        var first = Evaluate(dir.Path, "data/t10k-images-idx3-ubyte", "--json");
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Contains("Training the fashion-mnist classifier", first.Stderr);
        Assert.Contains("test accuracy", first.Stderr);
        var json = JsonDocument.Parse(first.Stdout).RootElement;
        Assert.Equal(Keys, json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(200, json.GetProperty("samples").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("conditional_accuracy").ValueKind);
        Assert.InRange(json.GetProperty("fcd").GetDouble(), -1e-6, 1e-6);
        // For two identical sets the unbiased MMD² is 2(‖Σφ‖² − m·Σ‖φ‖²)/(m(m−1)) ≤ 0 (Cauchy–Schwarz): never a positive distance.
        Assert.True(json.GetProperty("kid").GetDouble() <= 1e-12, first.Stdout);
        var cached = Directory.GetFiles(Path.Combine(dir.Path, "cache", "classifiers"), "fashion-mnist-*.safetensors");
        Assert.Single(cached);

        var second = Evaluate(dir.Path, "data/t10k-images-idx3-ubyte", "--json");
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.DoesNotContain("Training", second.Stderr);
        Assert.Equal(first.Stdout, second.Stdout); // cached weights give the very same, deterministic scores
    }

    [Fact]
    public void Damaged_cached_weights_are_detected_by_their_hash_and_retrained()
    {
        using var dir = new TempFolder();
        TinyDataset.Write(Path.Combine(dir.Path, "data"));
        var first = Evaluate(dir.Path, "data/t10k-images-idx3-ubyte", "--json");
        Assert.True(first.ExitCode == 0, first.Stderr);
        var weights = Directory.GetFiles(Path.Combine(dir.Path, "cache", "classifiers"), "*.safetensors").Single();
        var bytes = File.ReadAllBytes(weights);
        bytes[^1] ^= 0x55;
        File.WriteAllBytes(weights, bytes);

        var again = Evaluate(dir.Path, "data/t10k-images-idx3-ubyte", "--json");
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Contains("SHA-256", again.Stderr);
        Assert.Contains("Training the fashion-mnist classifier", again.Stderr);
        Assert.Equal(first.Stdout, again.Stdout); // retraining is seeded, so it restores the same classifier
    }

    [Fact]
    public void One_repeated_image_covers_one_class_and_scores_far_worse_than_real_images()
    {
        using var dir = new TempFolder();
        TinyDataset.Write(Path.Combine(dir.Path, "data"));
        var (pixels, _) = TinyDataset.Images(1, seed: 3);
        IdxWriter.WriteImages(Path.Combine(dir.Path, "same.idx"), Enumerable.Repeat(pixels, 100).SelectMany(p => p).ToArray(), 100, 28, 28);
        var (others, _) = TinyDataset.Images(200, seed: 4);
        IdxWriter.WriteImages(Path.Combine(dir.Path, "fresh.idx"), others, 200, 28, 28);

        var same = JsonDocument.Parse(Evaluate(dir.Path, "same.idx", "--json").Stdout).RootElement;
        var fresh = JsonDocument.Parse(Evaluate(dir.Path, "fresh.idx", "--json").Stdout).RootElement;
        Assert.Equal(1, same.GetProperty("classes_covered").GetInt32());
        Assert.Equal(0, same.GetProperty("coverage").GetDouble(), 9);
        Assert.True(same.GetProperty("fcd").GetDouble() > 5 * fresh.GetProperty("fcd").GetDouble(), $"same {same}, fresh {fresh}");
        Assert.True(same.GetProperty("kid").GetDouble() > fresh.GetProperty("kid").GetDouble(), $"same {same}, fresh {fresh}");
    }

    [Fact]
    public void With_the_asked_labels_the_conditional_accuracy_is_scored_against_them()
    {
        // The test split with its own labels is what a perfect conditional generator would hand in; the same images asked
        // for the next class are what one that ignores its labels would.
        using var dir = new TempFolder();
        TinyDataset.Write(Path.Combine(dir.Path, "data"));
        var labels = IdxReader.ReadLabels(Path.Combine(dir.Path, "data", "t10k-labels-idx1-ubyte"));
        IdxWriter.WriteLabels(Path.Combine(dir.Path, "next.idx"), labels.Select(l => (byte)((l + 1) % 10)).ToArray());

        var asked = Evaluate(dir.Path, "data/t10k-images-idx3-ubyte", "--json", "--labels", "data/t10k-labels-idx1-ubyte");
        var shifted = Evaluate(dir.Path, "data/t10k-images-idx3-ubyte", "--json", "--labels", "next.idx");
        Assert.True(asked.ExitCode == 0, asked.Stderr);
        double right = JsonDocument.Parse(asked.Stdout).RootElement.GetProperty("conditional_accuracy").GetDouble();
        double wrong = JsonDocument.Parse(shifted.Stdout).RootElement.GetProperty("conditional_accuracy").GetDouble();
        // On the test split's own labels it is the classifier's test accuracy, which the first use reports when it trains it.
        var trained = System.Text.RegularExpressions.Regex.Match(asked.Stderr, @"test accuracy (\d+\.\d+)%");
        Assert.True(trained.Success, asked.Stderr);
        Assert.Equal(double.Parse(trained.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) / 100, right, 4);
        Assert.True(wrong < right / 2, $"asked {right}, shifted {wrong}");
        // The labels change only the conditional accuracy: the distances are the same images' either way.
        Assert.Equal(JsonDocument.Parse(asked.Stdout).RootElement.GetProperty("fcd").GetDouble(),
            JsonDocument.Parse(shifted.Stdout).RootElement.GetProperty("fcd").GetDouble());
    }

    [Fact]
    public void Without_json_a_readable_table_names_every_metric()
    {
        using var dir = new TempFolder();
        TinyDataset.Write(Path.Combine(dir.Path, "data"));
        var result = Evaluate(dir.Path, "data/t10k-images-idx3-ubyte");
        Assert.True(result.ExitCode == 0, result.Stderr);
        foreach (var key in new[] { "fcd", "kid", "classifier_score", "coverage", "classes_covered", "samples" })
            Assert.Contains(key, result.Stdout);
        Assert.DoesNotContain("conditional_accuracy", result.Stdout);
    }

    [Theory]
    [InlineData("missing.idx does not exist", "--images", "missing.idx", "--dataset", "fashion-mnist")]
    [InlineData("wrong magic number", "--images", "labels.idx", "--dataset", "fashion-mnist")]
    [InlineData("holds images of 10x10", "--images", "small.idx", "--dataset", "fashion-mnist")]
    [InlineData("Unknown dataset 'cifar10'", "--images", "good.idx", "--dataset", "cifar10")]
    [InlineData("--images needs --dataset", "--images", "good.idx")]
    [InlineData("not both", "run", "--images", "good.idx", "--dataset", "fashion-mnist")]
    [InlineData("--samples does not apply", "--images", "good.idx", "--dataset", "fashion-mnist", "--samples", "5")]
    [InlineData("holds 4 labels but two.idx holds 2 images", "--images", "two.idx", "--dataset", "fashion-mnist", "--labels", "labels.idx")]
    [InlineData("asks for class 10, but fashion-mnist has classes 0 to 9", "--images", "good.idx", "--dataset", "fashion-mnist", "--labels", "eleven.idx")]
    [InlineData("wrong magic number", "--images", "good.idx", "--dataset", "fashion-mnist", "--labels", "good.idx")]
    [InlineData("--labels go with --images", "run", "--labels", "labels.idx")]
    [InlineData("The run folder nowhere does not exist", "nowhere")]
    [InlineData("Name the run folder", "--json")]
    public void Bad_evaluation_requests_exit_non_zero_with_one_sentence_and_no_stack_trace(string expected, params string[] args)
    {
        using var dir = new TempFolder();
        var (good, labels) = TinyDataset.Images(4, seed: 5);
        IdxWriter.WriteImages(Path.Combine(dir.Path, "good.idx"), good, 4, 28, 28);
        IdxWriter.WriteLabels(Path.Combine(dir.Path, "labels.idx"), labels);
        IdxWriter.WriteImages(Path.Combine(dir.Path, "small.idx"), new byte[3 * 100], 3, 10, 10);
        IdxWriter.WriteImages(Path.Combine(dir.Path, "two.idx"), good[..(2 * 784)], 2, 28, 28);
        IdxWriter.WriteLabels(Path.Combine(dir.Path, "eleven.idx"), [1, 10, 2, 3]);
        var result = Gandsl.RunWith(TinyDataset.TinyClassifier, dir.Path, ["evaluate", .. args]);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(expected, result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "cache", "classifiers")), "a refused request must not train a classifier");
    }
}

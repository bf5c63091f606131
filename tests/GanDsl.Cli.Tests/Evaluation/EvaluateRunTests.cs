using System.Text.Json;

namespace GanDsl.Cli.Tests.Evaluation;

/// <summary><c>gandsl evaluate RUN</c> for image models, and evaluation during <c>gandsl train</c> with the best checkpoint kept.</summary>
public class EvaluateRunTests
{
    private static Gandsl.Result Run(string dir, params string[] args) => Gandsl.RunWith(TinyDataset.TinyClassifier, dir, args);

    [Theory]
    [InlineData("dcgan", false)]
    [InlineData("cgan", true)]
    public void A_run_is_scored_against_the_test_split_of_the_data_it_trained_on(string model, bool conditional)
    {
        using var dir = new TempFolder();
        TinyDataset.Write(Path.Combine(dir.Path, "data"));
        var train = Run(dir.Path, "train", model, "--dataset", "data", "--out", "run", "--max-steps", "2", "--batch-size", "16");
        Assert.True(train.ExitCode == 0, train.Stderr);

        var result = Run(dir.Path, "evaluate", "run", "--samples", "120", "--json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(120, json.GetProperty("samples").GetInt32());
        Assert.True(json.GetProperty("fcd").GetDouble() > 0, result.Stdout);
        var accuracy = json.GetProperty("conditional_accuracy");
        if (conditional) Assert.InRange(accuracy.GetDouble(), 0, 1);
        else Assert.Equal(JsonValueKind.Null, accuracy.ValueKind);

        var again = Run(dir.Path, "evaluate", "run", "--samples", "120", "--json");
        Assert.Equal(result.Stdout, again.Stdout); // fixed noise seed and KID subsets: the same score every time
    }

    [Fact]
    public void Training_evaluates_every_epoch_logs_the_metrics_and_keeps_the_best_checkpoint_by_fcd()
    {
        using var dir = new TempFolder();
        TinyDataset.Write(Path.Combine(dir.Path, "data"));
        var train = Run(dir.Path, "train", "vanilla", "--dataset", "data", "--out", "run", "--epochs", "3", "--batch-size", "100",
            "--evaluate-every", "1", "--evaluation-samples", "60");
        Assert.True(train.ExitCode == 0, train.Stderr);
        Assert.Contains("evaluation at epoch 3", train.Stderr);

        var evaluations = File.ReadAllLines(Path.Combine(dir.Path, "run", "metrics.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("kind").GetString() == "evaluation")
            .ToList();
        Assert.Equal([1, 2, 3], evaluations.Select(e => e.GetProperty("epoch").GetInt32()));
        Assert.Equal([6L, 12L, 18L], evaluations.Select(e => e.GetProperty("step").GetInt64()));
        Assert.All(evaluations, e => Assert.Equal(60, e.GetProperty("samples").GetInt32()));
        foreach (var step in new[] { 6, 12, 18 })
            Assert.True(Directory.Exists(Path.Combine(dir.Path, "run", "checkpoints", $"step-{step:D7}")), $"no checkpoint at evaluation step {step}");

        var best = evaluations.MinBy(e => e.GetProperty("fcd").GetDouble());
        var bestFolder = Path.Combine(dir.Path, "run", "checkpoints", "best");
        var kept = JsonDocument.Parse(File.ReadAllText(Path.Combine(bestFolder, "evaluation.json"))).RootElement;
        Assert.Equal(best.GetProperty("step").GetInt64(), kept.GetProperty("step").GetInt64());
        Assert.Equal(best.GetProperty("fcd").GetDouble(), kept.GetProperty("fcd").GetDouble());
        var source = Path.Combine(dir.Path, "run", "checkpoints", $"step-{kept.GetProperty("step").GetInt64():D7}");
        Assert.Equal(File.ReadAllBytes(Path.Combine(source, "generator.safetensors")), File.ReadAllBytes(Path.Combine(bestFolder, "generator.safetensors")));

        // The best folder is never taken for the latest checkpoint: evaluate scores step 18.
        var result = Run(dir.Path, "evaluate", "run", "--samples", "60");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("step 18", result.Stdout);
    }

    [Fact]
    public void Evaluating_a_model_that_does_not_make_images_during_training_is_refused_before_any_folder_is_made()
    {
        using var dir = new TempFolder();
        var result = Run(dir.Path, "train", "seven-bit", "--out", "r", "--evaluate-every", "1");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("quality metrics need 28x28", result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "r")));
    }
}

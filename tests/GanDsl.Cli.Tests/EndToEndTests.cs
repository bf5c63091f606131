using System.Text.Json;

namespace GanDsl.Cli.Tests;

public class EndToEndTests
{
    [Fact]
    public void Seven_bit_trains_resumes_samples_and_evaluates_to_even_numbers_without_collapse()
    {
        using var dir = new TempFolder();
        var first = Gandsl.Run(dir.Path, "train", "seven-bit", "--out", "run", "--max-steps", "640");
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Contains("Finished at step 640", first.Stdout);

        var resumed = Gandsl.Run(dir.Path, "train", "--resume", "run", "--max-steps", "1280");
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Contains("Finished at step 1280", resumed.Stdout);
        foreach (var file in new[] { "config.json", "metrics.jsonl", "run.json", "losses.svg", "evolution.png", "samples/epoch-001.png", "samples/epoch-020.png",
                     "checkpoints/step-0000640/state.json", "checkpoints/step-0001280/generator.safetensors" })
            Assert.True(File.Exists(Path.Combine(dir.Path, "run", file)), $"run/{file} is missing");

        var sample = Gandsl.Run(dir.Path, "sample", "run", "--count", "16", "--out", "grid.png");
        Assert.True(sample.ExitCode == 0, sample.Stderr);
        Assert.Equal(new byte[] { 137, 80, 78, 71 }, File.ReadAllBytes(Path.Combine(dir.Path, "grid.png")).Take(4));

        var evaluation = Gandsl.Run(dir.Path, "evaluate", "run", "--json");
        Assert.True(evaluation.ExitCode == 0, evaluation.Stderr);
        var json = JsonDocument.Parse(evaluation.Stdout).RootElement;
        Assert.Equal(1000, json.GetProperty("samples").GetInt32());
        Assert.True(json.GetProperty("even_fraction").GetDouble() >= 0.99, evaluation.Stdout);
        Assert.True(json.GetProperty("distinct_even").GetInt32() >= 8, evaluation.Stdout);

        var truncated = Gandsl.Run(dir.Path, "evaluate", "run", "--truncation", "0.5");
        Assert.True(truncated.ExitCode == 0, truncated.Stderr);
        Assert.Equal(0.5, JsonDocument.Parse(truncated.Stdout).RootElement.GetProperty("truncation").GetDouble());
    }

    [Theory]
    [InlineData("Unknown model 'nope'", "train", "nope", "--out", "r")]
    [InlineData("Epochs must be at least 1", "train", "seven-bit", "--epochs", "0", "--out", "r")]
    [InlineData("BatchSize must be at least 2", "train", "seven-bit", "--batch-size", "-3", "--out", "r")]
    [InlineData("is neither a dataset name", "train", "dcgan", "--dataset", "no-such-folder", "--out", "r")]
    [InlineData("has no run.json", "sample", ".", "--out", "x.png")]
    [InlineData("--truncation must be a number of at least 0.05", "sample", ".", "--truncation", "0", "--out", "x.png")]
    [InlineData("--truncation shapes the noise a run's generator draws from", "evaluate", "--images", "x.idx", "--dataset", "mnist", "--truncation", "0.5")]
    public void Bad_requests_exit_non_zero_with_one_sentence_and_no_stack_trace(string expected, params string[] args)
    {
        using var dir = new TempFolder();
        var result = Gandsl.Run(dir.Path, args);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(expected, result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "r")), "a refused run must not leave a folder behind");
    }

    [Fact]
    public void A_truncated_idx_file_is_named_and_nothing_is_written()
    {
        using var dir = new TempFolder();
        var data = Directory.CreateDirectory(Path.Combine(dir.Path, "data")).FullName;
        File.WriteAllBytes(Path.Combine(data, "train-images-idx3-ubyte"), new byte[] { 0, 0, 8, 3, 0, 0, 234, 96, 0, 0, 0, 28, 0, 0, 0, 28, 1, 2, 3 });
        File.WriteAllBytes(Path.Combine(data, "train-labels-idx1-ubyte"), new byte[] { 0, 0, 8, 1, 0, 0, 234, 96, 1 });
        var result = Gandsl.Run(dir.Path, "train", "dcgan", "--dataset", data, "--out", "r");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("train-images-idx3-ubyte", result.Stderr);
        Assert.Contains("truncated", result.Stderr);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "r")));
    }

    [Fact]
    public void An_existing_run_is_never_overwritten_without_resume()
    {
        using var dir = new TempFolder();
        Assert.Equal(0, Gandsl.Run(dir.Path, "train", "seven-bit", "--out", "run", "--max-steps", "20").ExitCode);
        var before = Directory.GetFiles(Path.Combine(dir.Path, "run"), "*", SearchOption.AllDirectories)
            .ToDictionary(f => f, File.ReadAllBytes);
        var again = Gandsl.Run(dir.Path, "train", "seven-bit", "--out", "run");
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("--resume", again.Stderr);
        foreach (var (file, bytes) in before) Assert.Equal(bytes, File.ReadAllBytes(file));
    }
}

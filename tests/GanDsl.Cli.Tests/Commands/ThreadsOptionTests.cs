using GanDsl.Cli.Tests.Evaluation;

namespace GanDsl.Cli.Tests.Commands;

/// <summary><c>--threads</c> on train, evaluate and bench: checked, said, and without effect on the weights.</summary>
public class ThreadsOptionTests
{
    [Fact]
    public void Training_on_one_thread_gives_the_same_weights_as_on_every_core()
    {
        using var dir = new TempFolder();
        TinyDataset.Write(Path.Combine(dir.Path, "data"));
        // vanilla at batch 64: its 64x784x1024 multiplies are cut into tiles that two threads share.
        string[] common = ["train", "vanilla", "--dataset", "data", "--max-steps", "3", "--batch-size", "64"];
        var all = Gandsl.Run(dir.Path, [.. common, "--out", "all"]);
        var one = Gandsl.Run(dir.Path, [.. common, "--out", "one", "--threads", "1"]);
        Assert.True(all.ExitCode == 0, all.Stderr);
        Assert.True(one.ExitCode == 0, one.Stderr);
        Assert.Contains("kernels run on 1 thread (--threads)", one.Stderr);

        foreach (var file in new[] { "generator.safetensors", "discriminator.safetensors", "optimizer.safetensors" })
        {
            var a = File.ReadAllBytes(Path.Combine(dir.Path, "all", "checkpoints", "step-0000003", file));
            var b = File.ReadAllBytes(Path.Combine(dir.Path, "one", "checkpoints", "step-0000003", file));
            Assert.True(a.AsSpan().SequenceEqual(b), $"{file} differs between --threads 1 and every core");
        }
    }

    [Theory]
    [InlineData("train", "seven-bit", "--out", "r", "--threads", "0")]
    [InlineData("train", "seven-bit", "--out", "r", "--threads", "100000")]
    [InlineData("evaluate", "r", "--threads", "0")]
    [InlineData("bench", "mlp-gan", "--threads", "0")]
    public void A_thread_count_outside_the_machines_cores_is_one_sentence(params string[] args)
    {
        using var dir = new TempFolder();
        var result = Gandsl.Run(dir.Path, args);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--threads must be between 1 and", result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "r")), "a refused run must not leave a folder behind");
    }
}

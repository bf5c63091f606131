using System.Diagnostics;
using System.Text.Json;

namespace GanDsl.Cli.Tests;

/// <summary>What a new user hit on the way (issue 14 item 5): parse errors, colour in logs, summary's batch, stopping a run.</summary>
public class RoadBlockTests
{
    [Theory]
    [InlineData("--epochs needs a whole number but got 'abc'.", "train", "seven-bit", "--epochs", "abc")]
    [InlineData("--seed needs a whole number of at least 0 but got '-1'.", "train", "seven-bit", "--seed", "-1")]
    [InlineData("'trian' is not a gandsl command (did you mean 'train'?); the commands are models, summary, train, sample, evaluate, export, bench.", "trian", "seven-bit")]
    [InlineData("'--epoch' is not an option of 'gandsl train' (did you mean '--epochs'?); 'gandsl train --help' lists its options.", "train", "seven-bit", "--epoch", "3")]
    [InlineData("'gandsl sample' needs --out (the PNG file to write).", "sample", "run")]
    [InlineData("'gandsl sample' needs its run argument (a run folder written by 'gandsl train' or by Adversarial.Train in your program); 'gandsl sample --help' shows the usage.", "sample", "--out", "x.png")]
    [InlineData("--epochs needs a value, e.g. --epochs 3; 'gandsl train --help' lists the options.", "train", "seven-bit", "--epochs")]
    [InlineData("Name a command: models, summary, train, sample, evaluate, export, bench; 'gandsl --help' describes them.")]
    public void Parse_errors_are_one_sentence_on_stderr_with_exit_code_2(string expected, params string[] args)
    {
        using var dir = new TempFolder();
        var result = Gandsl.Run(dir.Path, args);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected, result.Stderr.Trim());
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void Help_still_prints_the_usage()
    {
        using var dir = new TempFolder();
        var result = Gandsl.Run(dir.Path, "train", "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--checkpoint-every", result.Stdout);
        Assert.Contains("--skip-undecodable", result.Stdout);
    }

    [Fact]
    public void Summary_lists_the_models_for_an_unknown_name_as_train_does_and_uses_the_models_own_batch_size()
    {
        using var dir = new TempFolder();
        var summary = Gandsl.Run(dir.Path, "summary", "dcgn");
        var train = Gandsl.Run(dir.Path, "train", "dcgn");
        Assert.NotEqual(0, summary.ExitCode);
        Assert.StartsWith("Unknown model 'dcgn'; run 'gandsl models' to list them (seven-bit, mnist-mlp,", summary.Stderr);
        Assert.Equal(train.Stderr, summary.Stderr);

        var cgan = Gandsl.Run(dir.Path, "summary", "cgan");
        Assert.Contains("[32, 1, 28, 28]", cgan.Stdout); // cgan trains at batch 32
        Assert.DoesNotContain("[128, ", cgan.Stdout);
        Assert.Contains("[128, 1, 28, 28]", Gandsl.Run(dir.Path, "summary", "dcgan").Stdout); // the article's batch
        Assert.Contains("[5, 1, 28, 28]", Gandsl.Run(dir.Path, "summary", "dcgan", "--batch-size", "5").Stdout);
    }

    [Fact]
    public void No_escape_codes_reach_redirected_output_even_on_a_colour_terminal()
    {
        using var dir = new TempFolder();
        var colour = new Dictionary<string, string> { ["TERM"] = "xterm-256color", ["COLORTERM"] = "truecolor" };
        foreach (var args in new[] { ["models"], ["summary", "seven-bit"], ["train", "seven-bit", "--out", "run", "--max-steps", "40"], new[] { "evaluate", "run" } })
        {
            var result = Gandsl.RunWith(colour, dir.Path, args);
            Assert.True(result.ExitCode == 0, result.Stderr);
            Assert.DoesNotContain('\u001b', result.Stdout + result.Stderr);
            Assert.DoesNotContain('\r', result.Stdout);
        }
    }

    [Fact]
    public void Checkpoint_every_sets_the_interval_for_a_run_and_its_resume()
    {
        using var dir = new TempFolder();
        Assert.Equal(0, Gandsl.Run(dir.Path, "train", "seven-bit", "--out", "run", "--max-steps", "50", "--checkpoint-every", "20").ExitCode);
        Assert.Equal(20, JsonDocument.Parse(File.ReadAllText(dir.File("run", "config.json"))).RootElement.GetProperty("CheckpointIntervalSteps").GetInt32());
        Assert.Equal(0, Gandsl.Run(dir.Path, "train", "--resume", "run", "--max-steps", "80", "--checkpoint-every", "15").ExitCode);
        var steps = Directory.GetDirectories(dir.File("run", "checkpoints")).Select(Path.GetFileName).Order();
        Assert.Equal(["step-0000020", "step-0000040", "step-0000050", "step-0000060", "step-0000075", "step-0000080"], steps);
    }

    [Fact]
    public async Task Sigterm_saves_a_checkpoint_at_the_step_reached_and_exits_143_and_the_run_resumes_from_it()
    {
        using var dir = new TempFolder();
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = dir.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Gandsl.DllPath(), "train", "seven-bit", "--out", "run", "--epochs", "100000", "--checkpoint-every", "0" })
            info.ArgumentList.Add(a);
        info.Environment["GANDSL_CACHE"] = dir.File("cache");
        using var process = Process.Start(info)!;
        var stdout = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var training = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            stdout.Enqueue(e.Data);
            if (e.Data.Contains("steps/s")) training.TrySetResult(); // a step line: the loop is running
        };
        process.BeginOutputReadLine();
        var stderr = process.StandardError.ReadToEndAsync();
        await training.Task.WaitAsync(TimeSpan.FromMinutes(2)); // throws TimeoutException when no step line came

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "gandsl train did not stop within 2 minutes of SIGTERM");
        process.WaitForExit(); // the output events are drained

        Assert.Equal(143, process.ExitCode);
        Assert.Contains("SIGTERM received: saving a checkpoint", await stderr);
        var stopped = stdout.Single(l => l.StartsWith("Stopped at step ", StringComparison.Ordinal));
        long step = long.Parse(stopped.Split(' ')[3].TrimEnd(';'), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(step > 0);
        // --checkpoint-every 0: the only checkpoint is the one SIGTERM made, at the step training had reached.
        var checkpoint = Assert.Single(Directory.GetDirectories(dir.File("run", "checkpoints")));
        Assert.Equal($"step-{step:D7}", Path.GetFileName(checkpoint));
        Assert.Equal(step, JsonDocument.Parse(File.ReadAllText(Path.Combine(checkpoint, "state.json"))).RootElement.GetProperty("Step").GetInt64());

        var resumed = Gandsl.Run(dir.Path, "train", "--resume", "run", "--max-steps", (step + 10).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Contains($"Finished at step {step + 10}", resumed.Stdout);
    }
}

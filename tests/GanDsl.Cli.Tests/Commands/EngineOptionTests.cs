using System.Text.Json;
using GanDsl.Cli.Engines;
using GanDsl.Training.Checkpoints;

namespace GanDsl.Cli.Tests.Commands;

/// <summary>
/// <c>--engine managed|torch</c> and <c>--device</c> on train, sample, evaluate and bench: recorded in run.json, kept by
/// --resume unless overridden, refused in one sentence where the engine or device cannot run.
/// </summary>
public class EngineOptionTests
{
    [Theory]
    [InlineData(null, null, null, "managed", "cpu")]
    [InlineData("torch", null, null, "torch", "cpu")]
    [InlineData(" Torch ", "CPU", null, "torch", "cpu")]
    [InlineData(null, "cpu", null, "managed", "cpu")]
    [InlineData(null, null, "torch", "torch", "cpu")]       // a resumed run keeps its engine
    [InlineData("managed", null, "torch", "managed", "cpu")] // unless told otherwise
    [InlineData(null, "cpu", "managed", "managed", "cpu")]
    public void The_words_and_the_runs_engine_make_the_choice(string? engine, string? device, string? runEngine, string expectedEngine, string expectedDevice)
    {
        var fallback = runEngine is null ? null : new EngineChoice(runEngine, "cpu");
        Assert.Equal(new EngineChoice(expectedEngine, expectedDevice), EngineChoice.From(engine, device, fallback));
    }

    [Theory]
    [InlineData("gpu", null, "--engine must be managed or torch but is 'gpu'.")]
    [InlineData("managed", "cuda:0", "The managed engine runs on the CPU only, so --device cuda:0 needs --engine torch.")]
    [InlineData("torch", "tpu", "The device 'tpu' is not one of cpu, cuda or cuda:N (N the GPU's index, from 0); write e.g. --device cuda:0.")]
    [InlineData(null, "cuda:x", "The device 'cuda:x' is not one of cpu, cuda or cuda:N")]
    public void Words_that_name_no_engine_or_device_are_refused(string? engine, string? device, string expected)
    {
        var ex = Assert.Throws<UserError>(() => EngineChoice.From(engine, device));
        Assert.StartsWith(expected, ex.Message);
    }

    [Theory]
    [InlineData(null, "cuda", "torch", "cuda:0")]   // a device alone picks the torch engine
    [InlineData("torch", "cuda:2", null, "cuda:2")]
    [InlineData(null, null, "cuda:1", "cuda:1")]    // a run resumed on its GPU
    public void Gpu_words_name_the_torch_engine_and_the_gpu(string? engine, string? device, string? runDevice, string expected)
    {
        var fallback = runDevice is null ? null : new EngineChoice("torch", runDevice);
        Assert.Equal(new EngineChoice("torch", expected), EngineChoice.From(engine, device, fallback));
    }

    [Fact]
    public void A_run_trains_on_torch_resumes_on_it_switches_engines_and_samples_and_evaluates_on_either()
    {
        using var dir = new TempFolder();
        // seven-bit trains 20 epochs of 64 steps: 1280 in all.
        var first = Gandsl.Run(dir.Path, "train", "seven-bit", "--engine", "torch", "--out", "run", "--max-steps", "320");
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Equal(("torch", "cpu"), Recorded(dir.File("run")));
        Assert.Equal("torch", WrittenBy(dir.File("run", "checkpoints", "step-0000320")));

        var resumed = Gandsl.Run(dir.Path, "train", "--resume", "run", "--max-steps", "640");
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Equal("torch", WrittenBy(dir.File("run", "checkpoints", "step-0000640")));

        var switched = Gandsl.Run(dir.Path, "train", "--resume", "run", "--engine", "managed", "--max-steps", "1280");
        Assert.True(switched.ExitCode == 0, switched.Stderr);
        Assert.Contains("Finished at step 1280", switched.Stdout);
        Assert.Equal("managed", WrittenBy(dir.File("run", "checkpoints", "step-0001280")));
        Assert.Equal(("managed", "cpu"), Recorded(dir.File("run")));

        var onTorch = Gandsl.Run(dir.Path, "evaluate", "run", "--json", "--engine", "torch");
        var managed = Gandsl.Run(dir.Path, "evaluate", "run", "--json");
        Assert.True(onTorch.ExitCode == 0, onTorch.Stderr);
        Assert.True(managed.ExitCode == 0, managed.Stderr);
        var json = JsonDocument.Parse(onTorch.Stdout).RootElement;
        Assert.True(json.GetProperty("even_fraction").GetDouble() >= 0.99, onTorch.Stdout);
        Assert.Equal(managed.Stdout, onTorch.Stdout); // the same weights and noise: the same numbers drawn

        foreach (var engine in new[] { "managed", "torch" })
        {
            var sample = Gandsl.Run(dir.Path, "sample", "run", "--count", "16", "--engine", engine, "--out", engine + ".png");
            Assert.True(sample.ExitCode == 0, sample.Stderr);
        }
        Assert.Equal(File.ReadAllBytes(dir.File("managed.png")), File.ReadAllBytes(dir.File("torch.png")));
    }

    [Theory]
    [InlineData("CUDA was asked for (cuda:0) but LibTorch reports no usable CUDA device;", "train", "seven-bit", "--engine", "torch", "--device", "cuda", "--out", "r")]
    [InlineData("CUDA was asked for (cuda:1) but LibTorch reports no usable CUDA device;", "sample", "run", "--device", "cuda:1", "--out", "x.png")]
    [InlineData("--engine must be managed or torch but is 'gpu'.", "bench", "--engine", "gpu")]
    [InlineData("The managed engine runs on the CPU only, so --device cuda needs --engine torch.", "evaluate", "run", "--engine", "managed", "--device", "cuda")]
    // The CLI ships LibTorch's CPU build (TorchSharp-cpu), so CUDA is never there for it, GPU or not.
    public void An_engine_or_device_that_cannot_run_is_one_sentence_and_exit_code_2(string expected, params string[] args)
    {
        using var dir = new TempFolder();
        var result = Gandsl.Run(dir.Path, args);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(expected, result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public void Bench_on_torch_prints_the_peer_scripts_line_naming_libtorch()
    {
        using var dir = new TempFolder();
        var result = Gandsl.Run(dir.Path, "bench", "--json", "--engine", "torch", "--warmup", "1", "--steps", "1", "mlp-gan");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var line = JsonDocument.Parse(result.Stdout.Trim()).RootElement;
        Assert.Equal(["engine", "model", "batch", "threads", "ms_per_step", "alloc_bytes_per_step"], line.EnumerateObject().Select(p => p.Name));
        Assert.Matches(@"^gandsl-torch-libtorch-\d+\.\d+\.\d+$", line.GetProperty("engine").GetString());
        Assert.Equal(("mlp-gan", 128), (line.GetProperty("model").GetString(), line.GetProperty("batch").GetInt32()));
        Assert.True(line.GetProperty("threads").GetInt32() >= 1);
        Assert.True(line.GetProperty("ms_per_step").GetDouble() > 0);
    }

    private static (string?, string?) Recorded(string run)
    {
        var info = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "run.json"))).RootElement;
        return (info.GetProperty("engine").GetString(), info.GetProperty("device").GetString());
    }

    private static string WrittenBy(string checkpoint) => CheckpointStore.Load(checkpoint).State.Engine;
}

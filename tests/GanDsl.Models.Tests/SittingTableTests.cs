using System.Diagnostics;

namespace GanDsl.Models.Tests;

/// <summary>
/// bench/sitting_table.py turns what bench/compare_engines.sh prints into docs/performance.md's table and says whether each
/// of issue 17's models is within its bar. These run it on a made-up sitting: failed peer rounds, the capped peer's section,
/// and a model whose uncapped peer never ran (as oneDNN's convolutions fail on some CPUs).
/// </summary>
public class SittingTableTests
{
    private const string Sitting = """
        # round 1
        {"engine": "gandsl-0.1.0", "model": "mlp-gan", "batch": 128, "threads": 2, "ms_per_step": 10.0, "alloc_bytes_per_step": 28000}
        {"engine": "gandsl-0.1.0", "model": "dcgan", "batch": 128, "threads": 2, "ms_per_step": 40.0, "alloc_bytes_per_step": 28500}
        {"engine": "gandsl-0.1.0", "model": "lightning-cnn", "batch": 128, "threads": 2, "ms_per_step": 30.0, "alloc_bytes_per_step": 38100}
        {"engine": "pytorch-1.13.0a0", "model": "mlp-gan", "batch": 128, "threads": 1, "ms_per_step": 45.0}
        {"engine": "torchsharp-0.107.0-libtorch-2.10.0.0", "model": "mlp-gan", "batch": 128, "threads": 2, "ms_per_step": 30.0}
        {"engine": "torchsharp-0.107.0-libtorch-2.10.0.0", "model": "dcgan", "batch": 128, "threads": 2, "ms_per_step": 50.0}
        # failed: TorchSharp lightning-cnn
        # TorchSharp with ONEDNN_MAX_CPU_ISA=SSE41
        {"engine": "torchsharp-0.107.0-libtorch-2.10.0.0", "model": "lightning-cnn", "batch": 128, "threads": 2, "ms_per_step": 200.0}
        # round 2
        {"engine": "gandsl-0.1.0", "model": "mlp-gan", "batch": 128, "threads": 2, "ms_per_step": 12.0, "alloc_bytes_per_step": 28000}
        {"engine": "gandsl-0.1.0", "model": "dcgan", "batch": 128, "threads": 2, "ms_per_step": 44.0, "alloc_bytes_per_step": 28500}
        {"engine": "gandsl-0.1.0", "model": "lightning-cnn", "batch": 128, "threads": 2, "ms_per_step": 34.0, "alloc_bytes_per_step": 38100}
        {"engine": "torchsharp-0.107.0-libtorch-2.10.0.0", "model": "mlp-gan", "batch": 128, "threads": 2, "ms_per_step": 20.0}
        # failed: TorchSharp dcgan
        # failed: TorchSharp lightning-cnn
        # TorchSharp with ONEDNN_MAX_CPU_ISA=SSE41
        {"engine": "torchsharp-0.107.0-libtorch-2.10.0.0", "model": "lightning-cnn", "batch": 128, "threads": 2, "ms_per_step": 220.0}
        """;

    [Fact]
    public void Each_model_gets_its_rounds_medians_and_ratios()
    {
        var (code, lines) = RunOn(Sitting);
        Assert.Equal(0, code);
        // Medians: GanDsl 11.0 against TorchSharp 25.0; rounds 10/30 and 12/20.
        Assert.Contains("| `mlp-gan` | 10.0, 12.0 (**11.0**) | 30.0, 20.0 (**25.0**) | — | 45.0 (**45.0**) | **0.44** (0.33, 0.60); — | 28.0 kB |", lines);
        // A failed round shows as such and is left out of the median and of the round ratios' pairing.
        Assert.Contains("| `dcgan` | 40.0, 44.0 (**42.0**) | 50.0, fails (**50.0**) | — | — | **0.84** (0.80, —); — | 28.5 kB |", lines);
        Assert.Contains("| `lightning-cnn` | 30.0, 34.0 (**32.0**) | fails each round | 200.0, 220.0 (**210.0**) | — | —; 0.15 | 38.1 kB |", lines);
    }

    [Fact]
    public void It_says_which_models_are_within_issue_17s_bars_falling_back_to_the_capped_peer_only_when_the_uncapped_one_never_ran()
    {
        var (_, lines) = RunOn(Sitting);
        Assert.Contains("mlp-gan: 0.440 of TorchSharp, within the issue's bar 0.50", lines);
        Assert.Contains("dcgan: 0.840 of TorchSharp, over the issue's bar 0.65", lines);
        Assert.Contains("lightning-cnn: 0.152 of TorchSharp capped (the uncapped peer failed every round), within the issue's bar 0.50", lines);
    }

    [Fact]
    public void A_log_without_benchmark_lines_is_refused_with_what_to_pass()
    {
        var (code, lines) = RunOn("dotnet build failed\n");
        Assert.Equal(2, code);
        Assert.Contains(lines, l => l.EndsWith("has no benchmark lines; pass what bench/compare_engines.sh printed"));
    }

    // The script's exit code and its output lines, standard output then standard error.
    private static (int ExitCode, string[] Lines) RunOn(string log)
    {
        string path = Path.Combine(Path.GetTempPath(), $"sitting-{Guid.NewGuid():N}.log");
        File.WriteAllText(path, log);
        try
        {
            var start = new ProcessStartInfo("/usr/bin/python3")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Fixtures.RepositoryRoot(),
            };
            start.ArgumentList.Add(Path.Combine("bench", "sitting_table.py"));
            start.ArgumentList.Add(path);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            string stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, (stdout.Result + stderr).Split('\n', StringSplitOptions.TrimEntries));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

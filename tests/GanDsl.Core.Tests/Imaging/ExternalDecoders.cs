using System.Diagnostics;
using System.Text.Json;

namespace GanDsl.Tests.Imaging;

/// <summary>
/// The independent checkers the Imaging tests run as processes: <c>pngcheck</c> and the standard-library-only
/// <c>png_decode.py</c> next to this file. A missing tool fails the test with install instructions; it never skips.
/// </summary>
internal static class ExternalDecoders
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    /// <summary>One decoded file as <c>png_decode.py</c> reports it.</summary>
    public sealed record Decoded(int Width, int Height, int Channels, string[] Chunks, long? NumFrames, long? NumPlays,
        long[] Sequence, int[][] Delays, int[] Filters, byte[][] Frames);

    /// <summary>Runs <c>pngcheck -q</c> on every file; fails with its output when any file is invalid.</summary>
    public static void AssertPngcheckAccepts(params string[] paths)
    {
        var tool = FindOnPath("pngcheck") ?? throw new Xunit.Sdk.XunitException(
            "pngcheck is not installed but the PNG tests need it as an independent validator; install it with `sudo apt-get install pngcheck` (Debian/Ubuntu) or `brew install pngcheck` (macOS).");
        var (code, stdout, stderr) = Run(tool, ["-q", .. paths]);
        Assert.True(code == 0, $"pngcheck rejected the file(s) (exit {code}):\n{stdout}\n{stderr}");
    }

    /// <summary>Decodes every file with <c>png_decode.py</c> (one process for all of them).</summary>
    public static IReadOnlyList<Decoded> DecodeWithPython(params string[] paths)
    {
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : FindOnPath("python3") ?? throw new Xunit.Sdk.XunitException(
            "python3 is not installed but the PNG tests decode files with it; install it with `sudo apt-get install python3` (Debian/Ubuntu).");
        var (code, stdout, stderr) = Run(python, [Script(), .. paths]);
        Assert.True(code == 0, $"png_decode.py rejected the file(s) (exit {code}):\n{stderr}");
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(paths.Length, lines.Length);
        return lines.Select(line => ToDecoded(JsonSerializer.Deserialize<Raw>(line, options)!)).ToList();
    }

    private sealed record Raw(int Width, int Height, int Channels, string[] Chunks, long? NumFrames, long? NumPlays,
        long[] Sequence, int[][] Delays, int[] Filters, string[] Frames);

    private static Decoded ToDecoded(Raw r) => new(r.Width, r.Height, r.Channels, r.Chunks, r.NumFrames, r.NumPlays,
        r.Sequence, r.Delays, r.Filters, r.Frames.Select(Convert.FromBase64String).ToArray());

    /// <summary>The decoder script, found by walking up from the test binaries to the source tree.</summary>
    private static string Script()
    {
        const string relative = "tests/GanDsl.Core.Tests/Imaging/png_decode.py";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }
        throw new Xunit.Sdk.XunitException(
            $"Cannot find {relative} above {AppContext.BaseDirectory}; run the tests from a checkout of the repository.");
    }

    private static string? FindOnPath(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    private static (int Code, string Stdout, string Stderr) Run(string file, string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new Xunit.Sdk.XunitException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(HangGuard))
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"{file} did not finish within {HangGuard.TotalSeconds} s.");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}

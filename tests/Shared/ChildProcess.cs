using System.Diagnostics;

namespace GanDsl.Testing;

/// <summary>A program run as its own process, as a user would run it: its exit code and both output streams.</summary>
internal static class ChildProcess
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    /// <summary>
    /// Starts <paramref name="start"/> (its output redirected here), waits at most <paramref name="timeout"/>, and kills it
    /// with its children past that: a guard against a hung child, not a timing assertion.
    /// </summary>
    public static Outcome Run(ProcessStartInfo start, TimeSpan timeout)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout.TotalSeconds:F0} s.");
        }
        return new Outcome(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>A start of <c>dotnet</c> (the test host's own when known) with <paramref name="arguments"/>.</summary>
    public static ProcessStartInfo Dotnet(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { WorkingDirectory = workingDirectory };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return start;
    }
}

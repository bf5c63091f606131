using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace GanDsl.Cli.Tests;

/// <summary>Runs the built gandsl as a separate process, as a user would.</summary>
internal static class Gandsl
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static string DllPath([CallerFilePath] string here = "")
    {
        var repo = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));
        var config = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";
        var dll = Path.Combine(repo, "src", "GanDsl.Cli", "bin", config, "net10.0", "gandsl.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing; build the solution first (dotnet build GanDsl.sln -c {config}).");
        return dll;
    }

    public static Result Run(string workingDirectory, params string[] args) => RunWith(null, workingDirectory, args);

    /// <summary>As <see cref="Run"/>, with extra environment variables (e.g. the tiny classifier of the evaluation tests).</summary>
    public static Result RunWith(IReadOnlyDictionary<string, string>? environment, string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(DllPath());
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["GANDSL_CACHE"] = Path.Combine(workingDirectory, "cache");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"gandsl {string.Join(' ', args)} did not finish within 3 minutes.");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}

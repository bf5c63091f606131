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
        var start = ChildProcess.Dotnet(workingDirectory, [DllPath(), .. args]);
        start.Environment["GANDSL_CACHE"] = Path.Combine(workingDirectory, "cache");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var (exitCode, stdout, stderr) = ChildProcess.Run(start, TimeSpan.FromMinutes(3));
        return new Result(exitCode, stdout, stderr);
    }
}

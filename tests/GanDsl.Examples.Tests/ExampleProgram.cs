using System.Diagnostics;

namespace GanDsl.Examples.Tests;

/// <summary>Runs a program under examples/ as its own process, as a user would, from its build output.</summary>
internal static class ExampleProgram
{
    /// <summary>Runs examples/<paramref name="folder"/>'s <paramref name="assembly"/>.dll with <paramref name="args"/> in <paramref name="workingDirectory"/>.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string folder, string assembly, string? workingDirectory, params string[] args)
    {
        var dll = Dll(folder, assembly);
        Assert.True(File.Exists(dll), $"The example is not built at {dll}; build GanDsl.sln (or this test project) in the same configuration first.");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A guard against a hung child, not a timing assertion: the runs take seconds.
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The example {assembly} did not finish within 3 minutes.");
        }
        return (process.ExitCode, stdout.Result.ReplaceLineEndings("\n"), stderr.Result.ReplaceLineEndings("\n"));
    }

    /// <summary>The example's dll in the same configuration and framework folder as this test's own output (e.g. bin/Release/net10.0).</summary>
    private static string Dll(string folder, string assembly)
    {
        var outputFolder = Path.GetRelativePath(Path.Combine(Fixtures.RepositoryRoot(), "tests", "GanDsl.Examples.Tests", "bin"), AppContext.BaseDirectory);
        return Path.Combine(Fixtures.RepositoryRoot(), "examples", folder, "bin", outputFolder, assembly + ".dll");
    }
}

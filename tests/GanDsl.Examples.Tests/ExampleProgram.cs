namespace GanDsl.Examples.Tests;

/// <summary>Runs a program under examples/ as its own process, as a user would, from its build output.</summary>
internal static class ExampleProgram
{
    /// <summary>Runs examples/<paramref name="folder"/>'s <paramref name="assembly"/>.dll with <paramref name="args"/> in <paramref name="workingDirectory"/>.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string folder, string assembly, string? workingDirectory, params string[] args)
    {
        var dll = Dll(folder, assembly);
        Assert.True(File.Exists(dll), $"The example is not built at {dll}; build GanDsl.sln (or this test project) in the same configuration first.");
        var (exitCode, stdout, stderr) = ChildProcess.Run(ChildProcess.Dotnet(workingDirectory ?? Environment.CurrentDirectory, [dll, .. args]), TimeSpan.FromMinutes(3));
        return (exitCode, stdout.ReplaceLineEndings("\n"), stderr.ReplaceLineEndings("\n"));
    }

    /// <summary>The example's dll in the same configuration and framework folder as this test's own output (e.g. bin/Release/net10.0).</summary>
    private static string Dll(string folder, string assembly)
    {
        var outputFolder = Path.GetRelativePath(Path.Combine(Fixtures.RepositoryRoot(), "tests", "GanDsl.Examples.Tests", "bin"), AppContext.BaseDirectory);
        return Path.Combine(Fixtures.RepositoryRoot(), "examples", folder, "bin", outputFolder, assembly + ".dll");
    }
}

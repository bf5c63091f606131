using System.Diagnostics;
using System.Security;

namespace GanDsl.Testing;

/// <summary>Runs the <c>dotnet</c> CLI as a child process with a clean MSBuild environment and no lingering build servers.</summary>
internal static class DotnetCli
{
    public static string Run(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // The test host may run under MSBuild; its variables would point the child at the wrong SDK pieces.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the dotnet CLI.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds:F0} s.");
        }
        var output = stdout.Result + stderr.Result;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{output}");
        return output;
    }

    /// <summary>The enabled package sources of the user's NuGet configuration (<c>dotnet nuget list source</c>).</summary>
    public static IReadOnlyList<string> EnabledSources(string workingDirectory)
    {
        var listing = Run(workingDirectory, TimeSpan.FromSeconds(30), "nuget", "list", "source", "--format", "short");
        // Short format: one line per source, "E <url>" when enabled, "D <url>" when disabled.
        return listing.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("E ", StringComparison.Ordinal))
            .Select(line => line[2..].Trim())
            .ToList();
    }

    /// <summary>A nuget.config in <paramref name="folder"/> whose sources are <paramref name="feed"/> and then the user's enabled ones.</summary>
    public static void WriteNuGetConfig(string folder, string feed, string repository)
    {
        var sources = EnabledSources(repository).Prepend(feed)
            .Select((url, i) => $"    <add key=\"source{i}\" value=\"{SecurityElement.Escape(url)}\" />");
        File.WriteAllText(Path.Combine(folder, "nuget.config"),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n"
            + string.Join("\n", sources) + "\n  </packageSources>\n</configuration>\n");
    }

    /// <summary>The global packages folder a restore fills (NUGET_PACKAGES, or ~/.nuget/packages).</summary>
    public static string GlobalPackagesFolder => Environment.GetEnvironmentVariable("NUGET_PACKAGES")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>Deletes a folder a test made, if it can: a folder left behind is harmless, the test outcome is what matters.</summary>
    public static void TryDelete(string path)
    {
        try { if (Directory.Exists(path)) Directory.Delete(path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

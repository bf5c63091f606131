using System.Security;

namespace GanDsl.Testing;

/// <summary>Runs the <c>dotnet</c> CLI as a child process with a clean MSBuild environment and no lingering build servers.</summary>
internal static class DotnetCli
{
    public static string Run(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var start = ChildProcess.Dotnet(workingDirectory, arguments);
        // The test host may run under MSBuild; its variables would point the child at the wrong SDK pieces.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        var (exitCode, stdout, stderr) = ChildProcess.Run(start, timeout);
        var output = stdout + stderr;
        if (exitCode != 0)
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} exited with {exitCode}:\n{output}");
        return output;
    }

    /// <summary>
    /// Packs src/<c>project</c>/<c>project</c>.csproj for each of <paramref name="projects"/> into <paramref name="feed"/> as
    /// <paramref name="version"/>, without building: the solution build made the assemblies, and packing must not race other
    /// test projects' builds. Nuspec files go under <paramref name="scratch"/>, not into obj/. Returns what each pack printed,
    /// by project.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Pack(string repository, string feed, string version, string configuration, string scratch, TimeSpan timeout, params string[] projects)
    {
        var printed = new Dictionary<string, string>();
        foreach (var project in projects)
        {
            printed[project] = Run(repository, timeout, "pack", Path.Combine(repository, "src", project, project + ".csproj"), "--no-build", "-c", configuration, "-o", feed,
                "-p:PackageVersion=" + version, "-p:NuspecOutputPath=" + Path.Combine(scratch, "nuspec", project) + "/");
            var id = PackageId(project);
            if (!File.Exists(Path.Combine(feed, $"{id}.{version}.nupkg")))
                throw new InvalidOperationException($"dotnet pack did not produce the {id} package.");
        }
        return printed;
    }

    /// <summary>The package id of src/<paramref name="project"/>: the project's name, except GanDsl.Core's, which is GanDsl.</summary>
    public static string PackageId(string project) => project == "GanDsl.Core" ? "GanDsl" : project;

    /// <summary>
    /// An executable project file <paramref name="folder"/>/Consumer.csproj for .NET 10 that references <paramref name="packages"/>
    /// (id and version), with nullable on, warnings as errors and <paramref name="properties"/> (more property elements).
    /// </summary>
    public static void WriteConsumerProject(string folder, IEnumerable<(string Id, string Version)> packages, string properties = "")
    {
        var references = string.Join("\n", packages.Select(p => $"    <PackageReference Include=\"{p.Id}\" Version=\"{p.Version}\" />"));
        File.WriteAllText(Path.Combine(folder, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                {properties}
              </PropertyGroup>
              <ItemGroup>
            {references}
              </ItemGroup>
            </Project>
            """);
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

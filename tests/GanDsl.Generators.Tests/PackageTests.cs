using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Xml.Linq;
using GanDsl.Testing;

namespace GanDsl.Generators.Tests;

/// <summary>
/// End to end: pack the GanDsl package, consume it from a fresh project with one PackageReference, and run it.
/// Proves the runtime and the generator travel together (analyzers/dotnet/cs) and the generated code builds.
/// </summary>
public sealed class PackageTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "gandsl-pack-" + Guid.NewGuid().ToString("N"));

    // A version no cache has seen, so a stale GanDsl in the global packages folder cannot mask a broken package.
    private readonly string _version = "0.0.0-test" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);

    private const string ConsumerProgram = """
        using GanDsl;
        using GanDsl.Tensors;

        namespace Consumer;

        [GanGenerator(LatentDim = 8)]
        [Linear(16), ReLU]
        [Linear(4), Tanh]
        public partial class TinyGenerator;

        public static class Program
        {
            public static void Main()
            {
                System.Console.WriteLine($"params={TinyGenerator.ParameterCount}");
                var g = new TinyGenerator(seed: 7);
                var output = g.Forward(Tensor.Zeros(2, 8));
                System.Console.WriteLine($"output={output.Shape}");
                System.Console.WriteLine(TinyGenerator.Summary.ToString(2));
            }
        }
        """;

    [Fact]
    public void Packed_library_builds_and_runs_a_dsl_declared_net_in_a_fresh_project()
    {
        var repo = Fixtures.RepositoryRoot();
        var feed = Directory.CreateDirectory(Path.Combine(_root, "feed")).FullName;
        var consumer = Directory.CreateDirectory(Path.Combine(_root, "consumer")).FullName;
        var limit = TimeSpan.FromSeconds(120);

        DotnetCli.Pack(repo, feed, _version, "Release", _root, limit, "GanDsl.Core");
        DotnetCli.WriteNuGetConfig(consumer, feed, repo);
        DotnetCli.WriteConsumerProject(consumer, [("GanDsl", _version)], "<InvariantGlobalization>true</InvariantGlobalization>");
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), ConsumerProgram);

        DotnetCli.Run(consumer, limit, "build", "-c", "Release", "-o", Path.Combine(consumer, "out"));
        var printed = DotnetCli.Run(consumer, limit, "exec", Path.Combine(consumer, "out", "Consumer.dll"));

        // 8*16+16 + 16*4+4 = 212 parameters; the summary is the torchinfo-style table of the two Linear layers.
        Assert.Contains("params=212", printed);
        Assert.Contains("output=[2, 4]", printed);
        Assert.Contains("Total params: 212", printed);
        Assert.Matches(@"Linear: 1-1\s+\[2, 16\]\s+144", printed);
        Assert.Matches(@"Linear: 1-3\s+\[2, 4\]\s+68", printed);
    }

    /// <summary>Each packed library with a public type of its assembly (the package's documentation must cover that assembly).</summary>
    public static TheoryData<string, Type> PackedLibraries => new()
    {
        { "GanDsl.Core", typeof(GanDsl.Tensors.Tensor) },
        { "GanDsl.Images", typeof(GanDsl.Images.ImageFolder) },
        { "GanDsl.TorchSharp", typeof(GanDsl.TorchSharp.TorchNets) },
        { "GanDsl.Onnx", typeof(GanDsl.Onnx.OnnxExport) },
    };

    [Theory]
    [MemberData(nameof(PackedLibraries))]
    public void A_packed_library_carries_its_xml_documentation_and_readme_and_packs_without_warnings(string project, Type publicType)
    {
        var repo = Fixtures.RepositoryRoot();
        var feed = Directory.CreateDirectory(Path.Combine(_root, "feed")).FullName;
        var printed = DotnetCli.Pack(repo, feed, _version, "Release", _root, TimeSpan.FromSeconds(120), project)[project];

        var warnings = printed.Split('\n').Where(line => line.Contains("warning", StringComparison.OrdinalIgnoreCase) || line.Contains("missing a readme", StringComparison.Ordinal)).ToList();
        Assert.True(warnings.Count == 0, $"dotnet pack {project} warned:\n" + string.Join("\n", warnings));

        var id = DotnetCli.PackageId(project);
        using var package = ZipFile.OpenRead(Path.Combine(feed, $"{id}.{_version}.nupkg"));
        var assembly = publicType.Assembly;
        var documentation = Entry(package, $"lib/net10.0/{assembly.GetName().Name}.xml");
        var documented = XDocument.Load(documentation.Open()).Descendants("member").Select(m => (string?)m.Attribute("name")).ToHashSet();
        // The compiler refuses an undocumented public member (CS1591 is an error), so the shipped file covers every public type.
        var undocumented = assembly.GetExportedTypes().Select(t => "T:" + t.FullName!.Replace('+', '.')).Where(name => !documented.Contains(name)).ToList();
        Assert.True(undocumented.Count == 0, $"{id}'s documentation file lacks: " + string.Join(", ", undocumented));

        var nuspec = XDocument.Load(Entry(package, $"{id}.nuspec").Open());
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Field(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
        Assert.Equal("README.md", Field("readme"));
        Assert.Equal("MIT", Field("license"));
        Assert.False(string.IsNullOrWhiteSpace(Field("description")), $"{id} has no description");
        using var readme = new StreamReader(Entry(package, "README.md").Open());
        var text = readme.ReadToEnd();
        Assert.StartsWith($"# {id}\n", text);
        Assert.Contains($"dotnet add package {id}", text);
    }

    private static ZipArchiveEntry Entry(ZipArchive package, string path) =>
        package.GetEntry(path) ?? throw new Xunit.Sdk.XunitException($"the package has no {path}; it holds " + string.Join(", ", package.Entries.Select(e => e.FullName)));

    public void Dispose()
    {
        // Each run restores a new test version into the global packages folder; remove it along with the temp folder.
        var packages = DotnetCli.GlobalPackagesFolder;
        DotnetCli.TryDelete(Path.Combine(packages, "gandsl", _version));
        DotnetCli.TryDelete(_root);
    }
}

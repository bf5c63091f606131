using System.Globalization;
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

    public void Dispose()
    {
        // Each run restores a new test version into the global packages folder; remove it along with the temp folder.
        var packages = DotnetCli.GlobalPackagesFolder;
        DotnetCli.TryDelete(Path.Combine(packages, "gandsl", _version));
        DotnetCli.TryDelete(_root);
    }
}

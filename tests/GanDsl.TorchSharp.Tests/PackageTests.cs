using System.Globalization;
using GanDsl.Testing;

namespace GanDsl.TorchSharp.Tests;

/// <summary>
/// As a user gets it: the GanDsl and GanDsl.TorchSharp packages plus TorchSharp-cpu in a fresh project. The generator emits
/// the Torch class, the package's build targets make LibTorchSharp load on this machine's libstdc++, and the program runs.
/// </summary>
public sealed class PackageTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "gandsl-torch-pack-" + Guid.NewGuid().ToString("N"));

    // A version no cache has seen, so a stale package in the global packages folder cannot mask a broken one.
    private readonly string _version = "0.0.0-torch" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);

    private const string ConsumerProgram = """
        using GanDsl;
        using GanDsl.TorchSharp;

        namespace Consumer;

        [GanGenerator(LatentDim = 4, Classes = 2)]
        [Linear(8), ReLU]
        [Linear(3), Tanh]
        public partial class TinyGenerator;

        public static class Program
        {
            public static void Main()
            {
                using var g = new TinyGenerator.Torch(seed: 7, TorchDevices.Parse("cpu"));
                var z = TorchTensors.ToTorch(GanDsl.Tensors.Tensor.Zeros(2, 4));
                var x = g.forward(z, TorchTensors.Labels([0, 1]));
                System.Console.WriteLine($"shape=[{string.Join(", ", x.shape)}]");
                System.Console.WriteLine($"names={string.Join(",", g.state_dict().Keys)}");
            }
        }
        """;

    [Fact]
    public void Packed_GanDsl_TorchSharp_emits_Torch_classes_and_loads_LibTorch_in_a_fresh_project()
    {
        var repo = Fixtures.RepositoryRoot();
        var feed = Directory.CreateDirectory(Path.Combine(_root, "feed")).FullName;
        var consumer = Directory.CreateDirectory(Path.Combine(_root, "consumer")).FullName;
        var limit = TimeSpan.FromSeconds(240);
        DotnetCli.Pack(repo, feed, _version, Configuration, _root, limit, "GanDsl.Core", "GanDsl.TorchSharp");
        DotnetCli.WriteNuGetConfig(consumer, feed, repo);
        DotnetCli.WriteConsumerProject(consumer, [("GanDsl", _version), ("GanDsl.TorchSharp", _version), ("TorchSharp-cpu", "0.107.0")]);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), ConsumerProgram);

        DotnetCli.Run(consumer, limit, "build", "-c", "Release", "-o", Path.Combine(consumer, "out"));
        var printed = DotnetCli.Run(consumer, limit, "exec", Path.Combine(consumer, "out", "Consumer.dll"));

        Assert.Contains("shape=[2, 3]", printed);
        Assert.Contains("names=", printed);
        Assert.Contains("emb.weight", printed);
        Assert.Contains("2.bias", printed);
        Assert.False(Directory.Exists(Path.Combine(consumer, "out", "runtimes", "win-x64", "native"))
            && Directory.GetFiles(Path.Combine(consumer, "out", "runtimes", "win-x64", "native"), "torch_cpu.dll").Length > 0,
            "only this platform's LibTorch should be copied");
    }

    private static string Configuration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";

    public void Dispose()
    {
        var packages = DotnetCli.GlobalPackagesFolder;
        DotnetCli.TryDelete(Path.Combine(packages, "gandsl", _version));
        DotnetCli.TryDelete(Path.Combine(packages, "gandsl.torchsharp", _version));
        DotnetCli.TryDelete(_root);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Xunit.Abstractions;

namespace GanDsl.Cli.Tests;

/// <summary>
/// The library road end to end, as a user takes it: GanDsl and GanDsl.Images packed into a local feed, a fresh project
/// that references the two packages and holds examples/MyGan's sources (its own nets, an image folder, the public
/// observers), built and run; then gandsl samples, evaluates and resumes the run folder that program wrote. Packing,
/// restoring (offline, from the NuGet cache) and building make it the slowest test, so it is one test.
/// </summary>
public sealed class PackagedAppTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _root = new();

    // A version no cache has seen, so a stale package in the global packages folder cannot mask a broken one.
    private readonly string _version = "0.0.0-app" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);

    [Fact]
    public void A_fresh_app_on_the_packed_packages_trains_its_own_nets_on_an_image_folder_and_gandsl_serves_its_run_folder()
    {
        var clock = Stopwatch.StartNew();
        var repo = Fixtures.RepositoryRoot();
        var feed = _root.Folder("feed");
        var limit = TimeSpan.FromMinutes(4);
        DotnetCli.Pack(repo, feed, _version, "Release", _root.Path, limit, "GanDsl.Core", "GanDsl.Images");
        output.WriteLine($"packed in {clock.Elapsed.TotalSeconds:F0} s");

        var app = _root.Folder("app");
        WriteConsumer(repo, feed, app);
        DotnetCli.Run(app, limit, "build", "-c", "Release", "-o", Path.Combine(app, "out"));
        output.WriteLine($"built the app at {clock.Elapsed.TotalSeconds:F0} s");

        // 16 pictures of 40x40: the app's 3x32x32 net gets them scaled and centre-cropped; 2 epochs of batch 8.
        ImageFolders.Write(_root.File("photos"), count: 16, size: 40);
        var trained = DotnetCli.Run(_root.Path, limit, "exec", Path.Combine(app, "out", "Consumer.dll"), "photos", "--epochs", "2", "--batch-size", "8", "--out", "run");
        Assert.Contains("training PictureGan to step 4 (2 steps per epoch, batch 8) from step 0 on 16 samples of [3, 32, 32]", trained);
        Assert.Contains("epoch 2 done at step 4", trained);
        Assert.Contains("Trained 4 steps", trained);
        foreach (var file in new[] { "run.json", "config.json", "metrics.jsonl", "samples/epoch-002.png", "evolution.png", "losses.svg",
                     "checkpoints/step-0000004/state.json", "my-samples.png" })
            Assert.True(File.Exists(_root.File("run", file)), $"run/{file} is missing");
        var info = JsonDocument.Parse(File.ReadAllText(_root.File("run", "run.json"))).RootElement;
        Assert.Equal(("MyGan.PictureGan", Path.Combine(app, "out", "Consumer.dll"), "image-folder"),
            (info.GetProperty("pair").GetString(), info.GetProperty("assembly").GetString(), info.GetProperty("dataset").GetString()));
        output.WriteLine($"the app trained at {clock.Elapsed.TotalSeconds:F0} s");

        var sample = Gandsl.Run(_root.Path, "sample", "run", "--count", "4", "--out", "grid.png");
        Assert.True(sample.ExitCode == 0, sample.Stderr);
        Assert.Equal("Wrote 4 samples of PictureGan (step 4) to grid.png", sample.Stdout.Trim());
        Assert.Equal(3, GanDsl.Imaging.PngReader.ReadFile(_root.File("grid.png")).Channels);

        // No domain classifier knows these pictures: evaluate says what it can score instead of a number that means nothing.
        var evaluate = Gandsl.Run(_root.Path, "evaluate", "run");
        Assert.NotEqual(0, evaluate.ExitCode);
        Assert.StartsWith($"PictureGan trained on the image folder {_root.File("photos")}, for which gandsl has no classifier", evaluate.Stderr);

        var resumed = Gandsl.Run(_root.Path, "train", "--resume", "run", "--epochs", "3");
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Contains("Finished at step 6", resumed.Stdout);
        Assert.True(File.Exists(_root.File("run", "samples", "epoch-003.png")));
        output.WriteLine($"done in {clock.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>A project referencing the two packages from <paramref name="feed"/> (other packages from the usual sources or the cache), with examples/MyGan's sources.</summary>
    private void WriteConsumer(string repo, string feed, string app)
    {
        DotnetCli.WriteNuGetConfig(app, feed, repo);
        DotnetCli.WriteConsumerProject(app, [("GanDsl", _version), ("GanDsl.Images", _version)],
            "<ImplicitUsings>enable</ImplicitUsings><InvariantGlobalization>true</InvariantGlobalization>");
        foreach (var source in Directory.GetFiles(Path.Combine(repo, "examples", "MyGan"), "*.cs"))
            File.Copy(source, Path.Combine(app, Path.GetFileName(source)));
    }

    public void Dispose()
    {
        // Each run restores a new test version into the global packages folder; remove it along with the temp folder.
        foreach (var id in new[] { "gandsl", "gandsl.images" }) DotnetCli.TryDelete(Path.Combine(DotnetCli.GlobalPackagesFolder, id, _version));
        _root.Dispose();
    }
}

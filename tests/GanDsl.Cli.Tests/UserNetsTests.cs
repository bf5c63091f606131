using System.Text.Json;
using GanDsl.Imaging;

namespace GanDsl.Cli.Tests;

/// <summary><c>gandsl train NAME --from MyApp.dll --dataset DIR</c> and the commands that follow it on the run folder.</summary>
public class UserNetsTests
{
    [Fact]
    public void A_pair_from_the_users_assembly_trains_on_an_image_folder_and_the_run_folder_serves_sample_evaluate_and_resume()
    {
        using var dir = new TempFolder();
        ImageFolders.Write(dir.File("photos"));
        var dll = Fixtures.UserPairsDll();

        var train = Gandsl.Run(dir.Path, "train", "tinygraygan", "--from", dll, "--dataset", "photos", "--out", "run", "--max-steps", "4", "--batch-size", "4");
        Assert.True(train.ExitCode == 0, train.Stderr);
        Assert.Contains("Finished at step 4", train.Stdout);
        Assert.Contains("photos: 12 images, unlabelled", train.Stderr); // the image folder's log
        foreach (var file in new[] { "config.json", "metrics.jsonl", "losses.svg", "evolution.png", "samples/epoch-001.png", "samples/epoch-002.png",
                     "checkpoints/step-0000004/generator.safetensors" })
            Assert.True(File.Exists(dir.File("run", file)), $"run/{file} is missing");
        var info = JsonDocument.Parse(File.ReadAllText(dir.File("run", "run.json"))).RootElement;
        Assert.Equal(("TinyGrayGan", "UserPairs.TinyGrayGan", dll), (info.GetProperty("model").GetString(), info.GetProperty("pair").GetString(), info.GetProperty("assembly").GetString()));
        Assert.Equal(("image-folder", dir.File("photos")), (info.GetProperty("dataset").GetString(), info.GetProperty("dataset_directory").GetString()));
        Assert.Equal("#000000", info.GetProperty("images").GetProperty("background").GetString());

        var sample = Gandsl.Run(dir.Path, "sample", "run", "--count", "9", "--out", "grid.png");
        Assert.True(sample.ExitCode == 0, sample.Stderr);
        Assert.Equal($"Wrote 9 samples of TinyGrayGan (step 4) to grid.png", sample.Stdout.Trim());
        var grid = PngReader.ReadFile(dir.File("grid.png"));
        Assert.Equal((6 * (3 * 18 + 2), 1), (grid.Width, grid.Channels)); // 3 columns of 16 px samples, enlarged 6x to at least 84 px

        var export = Gandsl.Run(dir.Path, "export", "run", "--onnx", "g.onnx");
        Assert.True(export.ExitCode == 0, export.Stderr);
        Assert.StartsWith("Wrote the latest generator of TinyGrayGan (step 4) to g.onnx", export.Stdout);

        var evaluate = Gandsl.Run(dir.Path, "evaluate", "run");
        Assert.NotEqual(0, evaluate.ExitCode);
        Assert.Equal($"TinyGrayGan trained on the image folder {dir.File("photos")}, for which gandsl has no classifier: quality metrics score runs on fashion-mnist or mnist (or a folder of their IDX files); look at this run's samples with 'gandsl sample RUN_DIR --out grid.png' instead.",
            evaluate.Stderr.Trim());

        var resume = Gandsl.Run(dir.Path, "train", "--resume", "run", "--max-steps", "7");
        Assert.True(resume.ExitCode == 0, resume.Stderr);
        Assert.Contains("Finished at step 7", resume.Stdout);
        Assert.Contains("read 12 samples", resume.Stderr); // the same folder, from the cache the first run made
        Assert.True(File.Exists(dir.File("run", "checkpoints", "step-0000007", "state.json")));
    }

    [Fact]
    public void A_users_pair_trains_with_the_recipe_its_gan_attribute_declares()
    {
        using var dir = new TempFolder();
        ImageFolders.Write(dir.File("photos"));
        var train = Gandsl.Run(dir.Path, "train", "TinyGrayLeastSquaresGan", "--from", Fixtures.UserPairsDll(), "--dataset", "photos", "--out", "run",
            "--max-steps", "2", "--batch-size", "4");
        Assert.True(train.ExitCode == 0, train.Stderr);
        var config = JsonDocument.Parse(File.ReadAllText(dir.File("run", "config.json"))).RootElement;
        Assert.Equal("LeastSquares", config.GetProperty("Loss").GetString());
        Assert.Equal(2, config.GetProperty("CriticSteps").GetInt32());
    }

    [Fact]
    public void Summary_names_a_users_pair_like_a_reference_model_at_the_batch_size_it_trains_with()
    {
        using var dir = new TempFolder();
        var summary = Gandsl.Run(dir.Path, "summary", "TinyGrayGan", "--from", Fixtures.UserPairsDll());
        Assert.True(summary.ExitCode == 0, summary.Stderr);
        Assert.Contains("Generator of TinyGrayGan:", summary.Stdout);
        Assert.Contains("[128, 1, 16, 16]", summary.Stdout); // TrainingConfig.Default's batch
        Assert.Contains("Total params: 8,257", summary.Stdout); // D: 256*32+32 + 32+1
    }

    [Theory]
    [InlineData("'MyGan' is not a GAN pair in UserPairs.dll; it declares TinyGrayGan, TinyGrayLeastSquaresGan, TwoChannelGan.", "train", "MyGan", "--dataset", "photos")]
    [InlineData("TinyGrayGan is a pair of your own, so it has no dataset of its own; pass --dataset", "train", "TinyGrayGan")]
    [InlineData("'MyGan' is not a GAN pair in UserPairs.dll", "summary", "MyGan")]
    public void Names_the_assembly_does_not_declare_and_a_missing_dataset_are_one_sentence(string expected, params string[] args)
    {
        using var dir = new TempFolder();
        ImageFolders.Write(dir.File("photos"), count: 4);
        var result = Gandsl.Run(dir.Path, [.. args, "--from", Fixtures.UserPairsDll(), .. args[0] == "train" ? new[] { "--out", "r" } : []]);
        Assert.NotEqual(0, result.ExitCode);
        Assert.StartsWith(expected, result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.False(Directory.Exists(dir.File("r")));
    }

    [Fact]
    public void A_run_whose_assembly_is_gone_says_to_build_it_again()
    {
        using var dir = new TempFolder();
        new GanDsl.Runs.RunInfo("MyGan", "fashion-mnist", null) { Pair = "MyApp.MyGan", Assembly = dir.File("bin", "MyApp.dll") }.Write(dir.Path);
        var result = Gandsl.Run(dir.Path, "sample", ".", "--out", "grid.png");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal($"The run in . trained MyGan from {dir.File("bin", "MyApp.dll")}, which is not there any more; build that project again (dotnet build -c Release) so the file is back.", result.Stderr.Trim());
    }

    [Fact]
    public void A_missing_assembly_is_one_sentence()
    {
        using var dir = new TempFolder();
        var result = Gandsl.Run(dir.Path, "train", "MyGan", "--from", "bin/Release/net10.0/MyApp.dll", "--dataset", "mnist", "--out", "r");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal("bin/Release/net10.0/MyApp.dll does not exist; pass the .dll your project builds, e.g. bin/Release/net10.0/MyApp.dll (dotnet build -c Release makes it).", result.Stderr.Trim());
    }

    public static TheoryData<string, string, string> BadFolders => new()
    {
        { "empty", "TinyGrayGan", "is empty; put PNG, JPEG, BMP, GIF or WebP files in it" },
        { "no-images", "TinyGrayGan", "holds 2 files but none is a PNG, JPEG, BMP, GIF or WebP image" },
        { "corrupt", "TinyGrayGan", "bad.png is not an image" },
        { "too-small", "TinyGrayGan", "small.png is 8x8 pixels, smaller than the net's 16x16 input" },
        { "two-channels", "TwoChannelGan", "The net takes [2, 8, 8], but images convert only to 1 (grayscale), 3 (RGB) or 4 (RGBA) channels" },
    };

    [Theory]
    [MemberData(nameof(BadFolders))]
    public void An_image_folder_that_cannot_feed_the_net_is_one_sentence_and_leaves_no_run_folder(string kind, string pair, string expected)
    {
        using var dir = new TempFolder();
        var photos = dir.Folder("photos");
        switch (kind)
        {
            case "no-images":
                File.WriteAllText(Path.Combine(photos, "a.txt"), "notes");
                File.WriteAllText(Path.Combine(photos, "b.csv"), "1,2");
                break;
            case "corrupt":
                ImageFolders.Write(photos, count: 3);
                File.WriteAllBytes(Path.Combine(photos, "bad.png"), [137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3, 4, 5]);
                break;
            case "too-small":
                ImageFolders.Write(photos, count: 3);
                Png.WriteFile(Path.Combine(photos, "small.png"), new GridImage(8, 8, 1, new byte[64]));
                break;
            case "two-channels":
                ImageFolders.Write(photos, count: 3);
                break;
        }
        var result = Gandsl.Run(dir.Path, "train", pair, "--from", Fixtures.UserPairsDll(), "--dataset", "photos", "--out", "run");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(expected, result.Stderr);
        var sentence = result.Stderr.Trim().Split('\n')[^1];
        Assert.Contains(expected, sentence); // the error is the last line, after the folder's log lines
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.False(Directory.Exists(dir.File("run")), "a refused run must not leave a folder behind");
    }

    [Fact]
    public void Image_options_reach_the_folder_and_are_recorded_for_resume()
    {
        using var dir = new TempFolder();
        var photos = ImageFolders.Write(dir.File("photos"), count: 8);
        File.WriteAllBytes(Path.Combine(photos, "bad.png"), [1, 2, 3]);
        Png.WriteFile(Path.Combine(photos, "small.png"), new GridImage(8, 8, 1, new byte[64]));
        var result = Gandsl.Run(dir.Path, "train", "TinyGrayGan", "--from", Fixtures.UserPairsDll(), "--dataset", "photos", "--out", "run",
            "--max-steps", "2", "--batch-size", "4", "--skip-undecodable", "--allow-upscaling", "--background", "white");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("skipped 1 undecodable file: bad.png", result.Stderr);
        var images = JsonDocument.Parse(File.ReadAllText(dir.File("run", "run.json"))).RootElement.GetProperty("images");
        Assert.Equal((true, true, "#FFFFFF"), (images.GetProperty("skip_undecodable").GetBoolean(), images.GetProperty("allow_upscaling").GetBoolean(), images.GetProperty("background").GetString()));

        var resume = Gandsl.Run(dir.Path, "train", "--resume", "run", "--max-steps", "4");
        Assert.True(resume.ExitCode == 0, resume.Stderr); // 9 samples again: the small picture enlarged, the bad one skipped
        var bad = Gandsl.Run(dir.Path, "train", "--resume", "run", "--max-steps", "6", "--background", "black");
        Assert.Equal("--resume keeps the run's dataset, batch size and seed; only --epochs and --max-steps may change.", bad.Stderr.Trim());
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using GanDsl.Cli.Tests.Evaluation;

namespace GanDsl.Cli.Tests.Commands;

/// <summary>
/// Runs saved before a catalog model was renamed or redesigned keep working: cgan was the plane-only model (now
/// cgan-planes) until it gained its class head, and the class-head model was called cgan-classifier before that.
/// </summary>
public class RenamedModelTests
{
    private static Gandsl.Result Run(string dir, params string[] args) => Gandsl.RunWith(TinyDataset.TinyClassifier, dir, args);

    /// <summary>Rewrites run.json's model name, as a run saved under the old names has it.</summary>
    private static void SayRunTrained(string runDirectory, string model)
    {
        var path = Path.Combine(runDirectory, "run.json");
        var info = JsonNode.Parse(File.ReadAllText(path))!;
        info["model"] = model;
        File.WriteAllText(path, info.ToJsonString());
    }

    [Fact]
    public void A_plane_only_run_saved_as_cgan_resumes_as_cgan_planes_with_the_bits_of_an_unbroken_run()
    {
        using var dir = new TempFolder();
        TinyDataset.Write(dir.File("data"));
        string[] recipe = ["--dataset", "data", "--batch-size", "16", "--checkpoint-every", "2"];
        Assert.Equal(0, Run(dir.Path, ["train", "cgan-planes", "--out", "old", "--max-steps", "2", .. recipe]).ExitCode);
        SayRunTrained(dir.File("old"), "cgan");

        var resumed = Run(dir.Path, "train", "--resume", "old", "--max-steps", "4");
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Contains("This run was saved by cgan's former design, which is called cgan-planes now; it resumes as cgan-planes.", resumed.Stdout + resumed.Stderr);
        Assert.Equal("cgan", JsonDocument.Parse(File.ReadAllText(dir.File("old", "run.json"))).RootElement.GetProperty("model").GetString());

        Assert.Equal(0, Run(dir.Path, ["train", "cgan-planes", "--out", "unbroken", "--max-steps", "4", .. recipe]).ExitCode);
        foreach (var file in new[] { "generator.safetensors", "discriminator.safetensors", "optimizer.safetensors" })
            Assert.Equal(File.ReadAllBytes(dir.File("unbroken", "checkpoints", "step-0000004", file)),
                File.ReadAllBytes(dir.File("old", "checkpoints", "step-0000004", file)));
    }

    [Fact]
    public void The_former_name_cgan_classifier_trains_and_resumes_cgan()
    {
        using var dir = new TempFolder();
        TinyDataset.Write(dir.File("data"));
        var train = Run(dir.Path, "train", "cgan-classifier", "--dataset", "data", "--out", "run", "--max-steps", "2", "--batch-size", "16");
        Assert.True(train.ExitCode == 0, train.Stderr);
        Assert.Equal("cgan", JsonDocument.Parse(File.ReadAllText(dir.File("run", "run.json"))).RootElement.GetProperty("model").GetString());

        SayRunTrained(dir.File("run"), "cgan-classifier");
        var resumed = Run(dir.Path, "train", "--resume", "run", "--max-steps", "3");
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.DoesNotContain("former design", resumed.Stdout + resumed.Stderr);
        Assert.Contains("Finished at step 3", resumed.Stdout);
    }
}

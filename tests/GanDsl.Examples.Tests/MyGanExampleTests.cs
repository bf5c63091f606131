using System.Text.Json;

namespace GanDsl.Examples.Tests;

/// <summary>examples/MyGan, the app a user copies: its own nets, trained with the public observers into a run folder.</summary>
public class MyGanExampleTests
{
    [Fact]
    public void Without_a_folder_it_trains_on_the_shapes_it_draws_and_writes_the_run_folder_and_samples()
    {
        using var dir = new TempFolder();
        var (exitCode, stdout, stderr) = ExampleProgram.Run("MyGan", "MyGan", dir.Path, "--epochs", "1", "--batch-size", "256", "--out", "run");

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("training PictureGan to step 8 (8 steps per epoch, batch 256) from step 0 on 2,048 samples of [3, 32, 32]", stdout);
        Assert.Contains($"Trained 8 steps; run folder {dir.File("run")}; samples in run/my-samples.png", stdout);
        var png = File.ReadAllBytes(dir.File("run", "my-samples.png")); // IHDR: width at byte 16, colour type at 25 (2 = RGB)
        Assert.Equal((3 * (4 * 34 + 2), 2), (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), (int)png[25])); // 16 samples of 32x32 in 4 columns, each drawn 3x
        var info = JsonDocument.Parse(File.ReadAllText(dir.File("run", "run.json"))).RootElement;
        Assert.Equal(("PictureGan", "MyGan.PictureGan", "in-code"),
            (info.GetProperty("model").GetString(), info.GetProperty("pair").GetString(), info.GetProperty("dataset").GetString()));
    }
}

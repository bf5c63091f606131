using GanDsl.Models;
using GanDsl.Onnx;
using SkiaSharp;

namespace GanDsl.Examples.Tests;

/// <summary>Runs examples/OnnxSample as its own process on generators GanDsl exported, as a deploying user would.</summary>
public class OnnxSampleTests
{
    [Fact]
    public void The_sample_app_draws_a_grid_from_an_exported_conditional_generator_and_the_label_changes_it()
    {
        using var folder = new TempFolder();
        string model = folder.File("cgan.onnx");
        OnnxExport.Save(Contrasted(new CganGenerator(seed: 3)), model, new OnnxExportOptions { Step = 42 });

        var run = RunSample(model, folder.File("grid.png"), "--count", "20");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal($"Drew 20 samples of CganGenerator (step 42) with ONNX Runtime into {folder.File("grid.png")} (292x234).", run.Stdout.Trim());

        using var grid = SKBitmap.Decode(folder.File("grid.png"));
        Assert.Equal((292, 234), (grid.Width, grid.Height));   // 5 columns and 4 rows of 56-pixel samples with 2-pixel gaps
        int levels = grid.Pixels.Distinct().Count();
        Assert.True(levels > 32, $"the grid has {levels} distinct colours, so it shows no samples");

        Assert.Equal(0, RunSample(model, folder.File("three.png"), "--count", "4", "--label", "3").ExitCode);
        Assert.Equal(0, RunSample(model, folder.File("four.png"), "--count", "4", "--label", "4").ExitCode);
        using var three = SKBitmap.Decode(folder.File("three.png"));
        using var four = SKBitmap.Decode(folder.File("four.png"));
        Assert.NotEqual(three.Pixels, four.Pixels);
    }

    [Fact]
    public void An_unconditional_generator_draws_and_refuses_a_label_in_one_sentence()
    {
        using var folder = new TempFolder();
        string model = folder.File("dcgan.onnx");
        OnnxExport.Save(new DcganGenerator(seed: 3), model);

        Assert.Equal(0, RunSample(model, folder.File("grid.png"), "--count", "9", "--seed", "5").ExitCode);
        var refused = RunSample(model, folder.File("x.png"), "--label", "1");
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal("DcganGenerator is not conditional; drop --label.", refused.Stderr.Trim());
        Assert.False(File.Exists(folder.File("x.png")));

        var missing = RunSample(folder.File("none.onnx"), folder.File("y.png"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal($"{folder.File("none.onnx")} does not exist; write it with 'gandsl export RUN --onnx {folder.File("none.onnx")}'.", missing.Stderr.Trim());
    }

    /// <summary>
    /// An untrained DCGAN-initialised generator draws near-uniform grey (its last weights are N(0, 0.02)); scaled up, its
    /// last layer spreads the samples over the Tanh range, so the grid has something to show.
    /// </summary>
    private static CganGenerator Contrasted(CganGenerator generator)
    {
        var last = generator.StateDict().Single(e => e.Name == "10.weight").Value;
        for (int i = 0; i < last.Size; i++) last.Data[i] *= 50f;
        return generator;
    }

    private static (int ExitCode, string Stdout, string Stderr) RunSample(params string[] args) =>
        ExampleProgram.Run("OnnxSample", "OnnxSample", null, args);
}

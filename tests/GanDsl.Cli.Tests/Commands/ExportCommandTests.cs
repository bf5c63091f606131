using GanDsl.Autograd;
using GanDsl.Cli.Runs;
using GanDsl.Tensors;
using Microsoft.ML.OnnxRuntime;

namespace GanDsl.Cli.Tests.Commands;

/// <summary><c>gandsl export</c> run as a user would: the file it writes runs in ONNX Runtime and gives the run's generator.</summary>
public class ExportCommandTests
{
    [Fact]
    public void Export_writes_the_runs_generator_which_ONNX_Runtime_runs_as_GanDsl_does()
    {
        using var dir = new TempFolder();
        Assert.Equal(0, Gandsl.Run(dir.Path, "train", "seven-bit", "--out", "run", "--max-steps", "40").ExitCode);

        var result = Gandsl.Run(dir.Path, "export", "run", "--onnx", "g.onnx");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("Wrote the latest generator of seven-bit (step 40) to g.onnx: ONNX IR 8, opset 17, inputs z [N, 7], output [N, 7].", result.Stdout.Trim());

        var generator = TrainedRun.Open(Path.Combine(dir.Path, "run")).Generator;   // the run kept no average, so these are the latest weights
        var z = new float[5 * 7];
        new Rng(4).FillNormal(z);
        float[] expected;
        using (GradMode.NoGrad()) expected = generator.Generate(new Tensor(new Shape(5, 7), z), null).Data.ToArray();

        using var session = new InferenceSession(Path.Combine(dir.Path, "g.onnx"));
        using var input = OrtValue.CreateTensorValueFromMemory(z, [5, 7]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, ["z"], [input], ["sample"]);
        var actual = outputs[0].GetTensorDataAsSpan<float>().ToArray();
        Assert.Equal(expected.Length, actual.Length);
        Assert.All(expected.Zip(actual), p => Assert.True(MathF.Abs(p.First - p.Second) <= 1e-5f, $"{p.First} vs {p.Second}"));
        Assert.Equal("40", session.ModelMetadata.CustomMetadataMap["gandsl.step"]);

        var older = Gandsl.Run(dir.Path, "export", "run", "--onnx", "g12.onnx", "--opset", "12");
        Assert.True(older.ExitCode == 0, older.Stderr);
        Assert.Contains("opset 12", older.Stdout);
    }

    [Theory]
    [InlineData("Opset 18 is above 17", "--opset", "18")]
    [InlineData("holds no moving average of the generator", "--ema")]
    public void A_request_the_run_cannot_meet_is_one_sentence_and_writes_nothing(string expected, params string[] extra)
    {
        using var dir = new TempFolder();
        Assert.Equal(0, Gandsl.Run(dir.Path, "train", "seven-bit", "--out", "run", "--max-steps", "20").ExitCode);
        var result = Gandsl.Run(dir.Path, ["export", "run", "--onnx", "g.onnx", .. extra]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.False(File.Exists(Path.Combine(dir.Path, "g.onnx")));
    }

    [Fact]
    public void A_folder_that_is_not_a_run_is_named()
    {
        using var dir = new TempFolder();
        var result = Gandsl.Run(dir.Path, "export", ".", "--onnx", "g.onnx");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("has no run.json", result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }
}

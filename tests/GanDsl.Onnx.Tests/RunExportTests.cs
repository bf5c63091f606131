using GanDsl.Data;
using GanDsl.Models;
using GanDsl.Nn;
using GanDsl.Nn.Progressive;
using GanDsl.Onnx.Tests.Support;
using GanDsl.Tensors;
using GanDsl.Training;
using GanDsl.Training.Checkpoints;

namespace GanDsl.Onnx.Tests;

/// <summary>Export from a run folder: the latest checkpoint's generator or its moving average, with the step recorded.</summary>
public class RunExportTests
{
    [Fact]
    public void The_latest_generator_and_its_average_export_from_a_run_and_each_equals_GanDsl_on_those_weights()
    {
        using var folder = new TempFolder();
        string run = folder.Folder("run");
        var config = TrainingConfig.Default with { BatchSize = 8, MaxSteps = 3, EmaDecay = 0.5f, SampleCount = 4, LogIntervalSteps = 1 };
        Adversarial.Train(new Cgan(seed: 5), Images(32), config, null, run);

        var latest = OnnxExport.SaveFromRun(run, new CganGenerator(), folder.File("latest.onnx"));
        var average = OnnxExport.SaveFromRun(run, new CganGenerator(), folder.File("average.onnx"), ema: true);

        Assert.Equal((3L, false), (latest.Step, latest.Ema));
        Assert.Equal((3L, true), (average.Step, average.Ema));
        Assert.Equal(new CheckpointStore(run).Latest(), latest.Checkpoint);
        var checkpoint = CheckpointStore.Load(latest.Checkpoint);
        foreach (var (file, ema) in new[] { ("latest.onnx", false), ("average.onnx", true) })
        {
            var bytes = File.ReadAllBytes(folder.File(file));
            var expected = new CganGenerator();
            TrainingSession.LoadGenerator(expected, checkpoint, preferAverage: ema);
            ReferenceModelParityTests.AssertGeneratorParity(expected, bytes);
            var metadata = OnnxModelFile.Read(bytes).Metadata;
            Assert.Equal("3", metadata["gandsl.step"]);
            Assert.Equal((ema ? "generator_ema.safetensors" : "generator.safetensors") + " of run/checkpoints/step-0000003", metadata["gandsl.weights"]);
        }
        Assert.NotEqual(File.ReadAllBytes(folder.File("latest.onnx")), File.ReadAllBytes(folder.File("average.onnx")));
    }

    [Fact]
    public void A_progressive_run_exports_the_stage_and_alpha_its_checkpoint_saved()
    {
        using var folder = new TempFolder();
        string run = folder.Folder("run");
        var config = TrainingConfig.Default with { BatchSize = 8, MaxSteps = 6, SampleCount = 4, LogIntervalSteps = 1 };
        Adversarial.Train(new ProgressiveFashionGan(seed: 5, new ProgressiveSchedule(StepsPerStage: 4, FadeSteps: 4)), Images(32), config, null, run);

        var generator = new ProgressiveGenerator28();   // a new one stands at its last stage; the checkpoint moves it back
        OnnxExport.SaveFromRun(run, generator, folder.File("g.onnx"));

        Assert.Equal((1, 0.25f), (generator.Stage, generator.Alpha));
        var bytes = File.ReadAllBytes(folder.File("g.onnx"));
        Assert.Equal("0.25", OnnxModelFile.Read(bytes).Metadata["gandsl.alpha"]);
        ReferenceModelParityTests.AssertGeneratorParity(generator, bytes);
    }

    [Fact]
    public void Asking_for_an_average_the_run_did_not_keep_is_refused_in_one_sentence()
    {
        using var folder = new TempFolder();
        string run = folder.Folder("run");
        Adversarial.Train(new SevenBitGan(seed: 1), new SevenBitData(), TrainingConfig.Default with { BatchSize = 8, MaxSteps = 2, SampleCount = 4 }, null, run);
        string checkpoint = new CheckpointStore(run).Latest()!;

        var error = Assert.Throws<OnnxExportException>(() => OnnxExport.SaveFromRun(run, new SevenBitGenerator(), folder.File("g.onnx"), ema: true));

        Assert.Equal($"The checkpoint {checkpoint} holds no moving average of the generator (the run trained with EmaDecay 0); export without --ema (ema: false).", error.Message);
        Assert.False(File.Exists(folder.File("g.onnx")));
    }

    [Fact]
    public void A_folder_without_checkpoints_and_a_generator_of_another_model_are_refused()
    {
        using var folder = new TempFolder();
        string empty = folder.Folder("empty");
        var none = Assert.Throws<OnnxExportException>(() => OnnxExport.SaveFromRun(empty, new SevenBitGenerator(), folder.File("g.onnx")));
        Assert.Equal($"The run in {empty} has no checkpoint yet; train it first.", none.Message);

        string run = folder.Folder("run");
        Adversarial.Train(new SevenBitGan(seed: 1), new SevenBitData(), TrainingConfig.Default with { BatchSize = 8, MaxSteps = 1, SampleCount = 4 }, null, run);
        var other = Assert.Throws<CheckpointException>(() => OnnxExport.SaveFromRun(run, new DcganGenerator(), folder.File("g.onnx")));
        Assert.StartsWith("The checkpoint's generator weights do not fit DcganGenerator", other.Message);
        Assert.False(File.Exists(folder.File("g.onnx")));
    }

    /// <summary><paramref name="count"/> 1x28x28 images of uniform noise in [−1, 1], labelled 0…9 in turn.</summary>
    private static Dataset Images(int count)
    {
        var images = new float[count * 28 * 28];
        new Rng(3).FillUniform(images, -1f, 1f);
        return Dataset.Create("synthetic", images, Enumerable.Range(0, count).Select(i => i % 10).ToArray(), 1, 28, 28, 10);
    }
}

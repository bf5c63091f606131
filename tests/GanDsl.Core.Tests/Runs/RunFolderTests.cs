using System.Text.Json;
using GanDsl.Core.Tests.Training;
using GanDsl.Nn;
using GanDsl.Runs;
using GanDsl.Training;
using GanDsl.Training.Checkpoints;

namespace GanDsl.Core.Tests.Runs;

/// <summary>The run folder a program gets from Adversarial.Train, and RunFolder taking its generator back.</summary>
public class RunFolderTests
{
    private static readonly TrainingConfig Config = Configs.Tiny with { Epochs = 2 };

    [Fact]
    public void Train_with_a_run_folder_and_no_observer_writes_every_file_the_cli_reads()
    {
        using var dir = new TempFolder();
        Adversarial.Train(new MlpGan(1, true), new InMemoryData(40), Config, observer: null, runDirectory: dir.Path);

        foreach (var file in new[] { "run.json", "config.json", "metrics.jsonl", "samples/epoch-001.png", "samples/epoch-002.png",
                     "evolution.png", "losses.svg", "checkpoints/step-0000010/state.json" })
            Assert.True(File.Exists(dir.File(file)), $"{file} is missing");
        var info = RunInfo.Read(dir.Path);
        // MlpGan is internal with a constructor of its own, so no class is named for it; the data says nothing of where it came from.
        Assert.Equal(new RunInfo("MlpGan", DataSource.InCode, null) { Engine = "managed", Device = "cpu" }, info);
        var animation = System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(dir.File("evolution.png")));
        Assert.Equal(2, animation.Split("fcTL").Length - 1); // one frame per epoch
    }

    [Fact]
    public void A_run_folder_observer_given_for_the_folder_is_not_doubled_and_one_for_another_folder_writes_there_too()
    {
        using var dir = new TempFolder();
        var elsewhere = dir.File("pictures");
        var run = dir.File("run");
        Adversarial.Train(new MlpGan(1, true), new InMemoryData(40), Config,
            TrainingObservers.Combine(new RunFolderObserver(run), new RunFolderObserver(elsewhere)), run);
        Assert.True(File.Exists(Path.Combine(elsewhere, "samples", "epoch-002.png")));
        Assert.True(File.Exists(Path.Combine(run, "samples", "epoch-002.png")));
        Assert.False(Directory.Exists(Path.Combine(elsewhere, "checkpoints"))); // only the run folder gets checkpoints
    }

    [Fact]
    public void An_existing_run_json_is_kept()
    {
        using var dir = new TempFolder();
        var mine = new RunInfo("mine", "fashion-mnist", null);
        mine.Write(dir.Path);
        Adversarial.Train(new MlpGan(1, true), new InMemoryData(40), Config, runDirectory: dir.Path);
        Assert.Equal(mine, RunInfo.Read(dir.Path));
    }

    [Fact]
    public void Run_json_records_the_engine_and_a_resume_on_another_engine_updates_it()
    {
        using var dir = new TempFolder();
        Adversarial.Train(new MlpGan(1, true), new InMemoryData(40), Config with { MaxSteps = 3 }, runDirectory: dir.Path);
        var written = RunInfo.Read(dir.Path);
        Assert.Equal(("managed", "cpu"), (written.Engine, written.Device));

        var other = new GanDsl.Core.Tests.Training.Engines.EngineFactory((g, c) => new GanDsl.Core.Tests.Training.Engines.FakeEngine(g, c));
        Adversarial.Train(new MlpGan(1, true), new InMemoryData(40), Config with { MaxSteps = 5 }, runDirectory: dir.Path, resume: true, engine: other);
        Assert.Equal(written with { Engine = "fake", Device = "nowhere" }, RunInfo.Read(dir.Path));
    }

    [Fact]
    public void The_generator_comes_back_latest_or_averaged_into_a_net_built_again()
    {
        using var dir = new TempFolder();
        var run = Adversarial.Train(new MlpGan(1, true), new InMemoryData(40), Config with { EmaDecay = 0.9f }, runDirectory: dir.Path);
        var folder = RunFolder.Open(dir.Path);
        Assert.Equal([dir.File("checkpoints", "step-0000010")], folder.Checkpoints);

        var latest = folder.LoadInto(new MlpGan(99, true).Generator);
        Assert.False(latest.Training);
        Assert.Equal(run.Session.G.Parameters()[0].Data, latest.Parameters()[0].Data);
        var averaged = folder.LoadInto(new MlpGan(99, true).Generator, GeneratorChoice.Ema);
        Assert.NotEqual(latest.Parameters()[0].Data, averaged.Parameters()[0].Data);
        using (GanDsl.Autograd.GradMode.NoGrad())
            Assert.Equal(run.Samples().Data, averaged.Generate(run.Session.FixedNoise, null).Data); // what the run's grids showed
    }

    [Fact]
    public void Choices_the_run_does_not_have_and_folders_of_the_wrong_kind_are_one_sentence_each()
    {
        using var dir = new TempFolder();
        Adversarial.Train(new MlpGan(1, true), new InMemoryData(40), Config, runDirectory: dir.Path);
        var folder = RunFolder.Open(dir.Path);
        var g = new MlpGan(1, true).Generator;

        Assert.Contains("keeps no generator average", Assert.Throws<RunFolderException>(() => folder.LoadInto(g, GeneratorChoice.Ema)).Message);
        Assert.Contains("has no checkpoints/best", Assert.Throws<RunFolderException>(() => folder.LoadInto(g, GeneratorChoice.Best)).Message);
        Assert.Contains("does not name a class", Assert.Throws<RunFolderException>(() => folder.LoadGenerator()).Message);

        var checkpoint = dir.File("checkpoints", "step-0000010");
        var wrongWay = Assert.Throws<RunFolderException>(() => RunFolder.Open(checkpoint)).Message;
        Assert.Equal($"{checkpoint} is a checkpoint folder; pass its run folder {dir.Path} to RunFolder.Open, or read the checkpoint itself with CheckpointStore.Load.", wrongWay);
        var otherWay = Assert.Throws<CheckpointException>(() => CheckpointStore.Load(dir.Path)).Message;
        Assert.Equal($"{dir.Path} is a run folder; pass its checkpoint folder checkpoints/step-0000010, or open the run with RunFolder.Open.", otherWay);
        Assert.Contains("does not exist", Assert.Throws<RunFolderException>(() => RunFolder.Open(dir.File("nope"))).Message);
        Assert.Contains("has no run.json", Assert.Throws<RunFolderException>(() => RunFolder.Open(dir.File("checkpoints"))).Message);
    }

    [Fact]
    public void A_pair_declared_in_another_assembly_is_recorded_by_name_and_rebuilt_from_it()
    {
        using var dir = new TempFolder();
        var pairs = PairAssembly.Load(Fixtures.UserPairsDll());
        var gan = PairAssembly.Create(pairs.Find("tinygraygan"), seed: 3);
        var data = new GrayImages(24);
        var run = Adversarial.Train(gan, data, Configs.Tiny with { MaxSteps = 4 }, runDirectory: dir.Path);

        var json = JsonDocument.Parse(File.ReadAllText(dir.File("run.json"))).RootElement;
        Assert.Equal("TinyGrayGan", json.GetProperty("model").GetString());
        Assert.Equal("UserPairs.TinyGrayGan", json.GetProperty("pair").GetString());
        Assert.Equal(Fixtures.UserPairsDll(), json.GetProperty("assembly").GetString());
        Assert.Equal("gray-squares", json.GetProperty("dataset").GetString());

        var loaded = RunFolder.Open(dir.Path).LoadGenerator();
        Assert.Equal(gan.Generator.GetType(), loaded.GetType()); // the same load context: loaded once per process
        Assert.Equal(run.Session.G.Parameters()[0].Data, loaded.Parameters()[0].Data);
        Assert.Equal(Sampling.Draw(run.Session.G, 3, 1).Data, Sampling.Draw(loaded, 3, 1).Data);
    }

    /// <summary>24 gray 16x16 squares of different brightness, saying where they come from.</summary>
    private sealed class GrayImages(int count) : ITrainingData
    {
        public int Count => count;
        public IReadOnlyList<int> SampleShape => [1, 16, 16];
        public int Classes => 0;
        public DataSource Source => new("gray-squares");

        public void CopyBatch(ReadOnlySpan<int> indices, Span<float> samples, Span<int> labels)
        {
            for (int i = 0; i < indices.Length; i++) samples.Slice(i * 256, 256).Fill(indices[i] / (float)count * 2 - 1);
        }
    }
}

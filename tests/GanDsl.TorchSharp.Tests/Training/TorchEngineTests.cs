using GanDsl.Tensors;
using GanDsl.Training;
using GanDsl.Training.Engines;
using GanDsl.TorchSharp.Tests.Support;
using GanDsl.TorchSharp.Training;
using TorchSharp;

namespace GanDsl.TorchSharp.Tests.Training;

/// <summary>The torch engine's side of the contract in <see cref="ITrainingEngine"/>.</summary>
public class TorchEngineTests
{
    private static readonly TrainingConfig Config = TrainingConfig.Default with
    {
        BatchSize = 8, Epochs = 20, CheckpointIntervalSteps = 0, SampleCount = 6, GeneratorLearningRate = 1e-3f, DiscriminatorLearningRate = 1e-3f,
    };

    private static DiscriminatorBatch Batch(TrainingConfig config, int latent, bool keep, bool alpha = false, float? fill = null)
    {
        var real = new Tensor(new Shape(config.BatchSize, 1, 8, 8));
        new Rng(1).FillUniform(real.Data, -1f, 1f);
        if (fill is { } value) real.Data.AsSpan().Fill(value);
        var noise = new Tensor(new Shape(config.BatchSize, latent));
        new Rng(2).FillNormal(noise.Data);
        float[]? a = alpha ? Enumerable.Repeat(0.25f, config.BatchSize).ToArray() : null;
        return new DiscriminatorBatch(real, null, noise, null, a, keep);
    }

    private static float[][] Weights(TorchNet net) =>
        net.parameters().Select(p => TorchTensors.ToManaged(p).Data).ToArray();

    [Fact]
    public void Is_named_torch_runs_on_the_cpu_and_refuses_updates_outside_a_step()
    {
        using var engine = new TorchEngine(EnginePairs.Create("logit"), Config, TorchDevices.Cpu);
        Assert.Equal(("torch", "cpu"), (engine.Name, engine.Device));
        var outside = Assert.Throws<InvalidOperationException>(() => engine.DiscriminatorStep(Batch(Config, 6, keep: true)));
        Assert.Equal("Begin a step with BeginStep before its discriminator and generator updates.", outside.Message);
        engine.BeginStep();
        Assert.Throws<InvalidOperationException>(engine.BeginStep);
        engine.DiscriminatorStep(Batch(Config, 6, keep: false));
        Assert.Contains("KeepFakeForGenerator", Assert.Throws<InvalidOperationException>(() => engine.GeneratorStep()).Message);
        engine.EndStep();
        engine.EndStep(); // a second end is harmless, as after a failed step
    }

    [Fact]
    public void The_gradient_penalty_needs_the_alpha_the_session_draws()
    {
        var config = Config with { Loss = GanLoss.Wasserstein, GradientPenaltyWeight = 10f };
        using var engine = new TorchEngine(EnginePairs.Create("logit"), config, TorchDevices.Cpu);
        engine.BeginStep();
        var ex = Assert.Throws<ArgumentException>(() => engine.DiscriminatorStep(Batch(config, 6, keep: true)));
        Assert.StartsWith("The gradient penalty is on but the batch brings no α", ex.Message);
        Assert.True(engine.DiscriminatorStep(Batch(config, 6, keep: true, alpha: true)).Penalty > 0f);
        engine.EndStep();
    }

    [Fact]
    public void A_non_finite_loss_is_returned_without_touching_the_discriminator_and_the_session_stops()
    {
        using var engine = new TorchEngine(EnginePairs.Create("logit"), Config, TorchDevices.Cpu);
        var before = Weights(engine.Discriminator);
        engine.BeginStep();
        var outcome = engine.DiscriminatorStep(Batch(Config, 6, keep: true, fill: float.NaN));
        engine.EndStep();
        Assert.True(float.IsNaN(outcome.Loss));
        Assert.True(double.IsNaN(outcome.GradNorm));
        Assert.False(outcome.IsFinite);
        Assert.Equal(before, Weights(engine.Discriminator));
        Assert.Equal(0, engine.CaptureState().DiscriminatorOptimizer.Steps);

        var data = new SyntheticImages(40) { Poison = float.PositiveInfinity };
        var diverged = Assert.Throws<TrainingDivergedException>(() =>
            Adversarial.Train(EnginePairs.Create("logit"), data, Config, engine: EngineRuns.Torch));
        Assert.Equal((1L, "discriminator loss"), (diverged.Step, diverged.Quantity));
    }

    [Fact]
    public void The_generator_step_leaves_the_discriminator_and_its_gradients_alone()
    {
        using var engine = new TorchEngine(EnginePairs.Create("logit"), Config, TorchDevices.Cpu);
        engine.BeginStep();
        engine.DiscriminatorStep(Batch(Config, 6, keep: true));
        var weights = Weights(engine.Discriminator);
        var grads = engine.Discriminator.parameters().Select(p => TorchTensors.ToManaged(p.grad!).Data).ToArray();
        var generatorBefore = Weights(engine.Generator);
        var g = engine.GeneratorStep();
        engine.EndStep();
        Assert.True(g.IsFinite);
        Assert.Equal(weights, Weights(engine.Discriminator));
        Assert.Equal(grads, engine.Discriminator.parameters().Select(p => TorchTensors.ToManaged(p.grad!).Data).ToArray());
        Assert.All(engine.Discriminator.parameters(), p => Assert.True(p.requires_grad));
        Assert.NotEqual(generatorBefore, Weights(engine.Generator));
    }

    [Fact]
    public void Sampling_uses_eval_mode_and_the_average_and_changes_nothing()
    {
        var config = Config with { EmaDecay = 0.5f, MaxSteps = 4 };
        var run = Adversarial.Train(EnginePairs.Create("logit"), new SyntheticImages(40), config, engine: EngineRuns.Torch);
        using var session = run.Session;
        var engine = (TorchEngine)session.Engine;
        var before = engine.CaptureState();
        var first = session.SampleFixedNoise();
        var second = session.SampleFixedNoise();
        // LibTorch's sums may split differently while other tests run beside this one, so the last bits may differ.
        EngineRuns.SameTensors("samples", [("again", first)], [("again", second)], 1e-6);
        EngineRuns.SameState(before, engine.CaptureState(), 0); // running statistics and weights untouched
        Assert.True(engine.Generator.training);

        // The managed generator with the average swapped in, in eval mode, draws the same images.
        var averaged = EnginePairs.Create("logit").Generator;
        var average = before.GeneratorAverage!.ToDictionary(a => a.Name, a => a.Value);
        averaged.LoadStateDict(before.Generator.ToDictionary(e => e.Name, e => average.GetValueOrDefault(e.Name) ?? e.Value));
        averaged.Eval();
        var expected = averaged.Generate(session.FixedNoise, null);
        EngineRuns.SameTensors("samples", [("fixed noise", expected)], [("fixed noise", first)], 1e-5);
    }

    [Fact]
    public void A_net_that_is_no_declared_stack_is_refused_in_one_sentence()
    {
        var pair = new HandWrittenGan();
        var ex = Assert.Throws<ArgumentException>(() => new TorchEngine(pair, Config, TorchDevices.Cpu));
        Assert.StartsWith("HandWrittenGenerator is not a declared layer stack, so the torch engine cannot rebuild it;", ex.Message);
    }

    private sealed class HandWrittenGenerator : GanDsl.Nn.GeneratorModule
    {
        public override int LatentDim => 6;
        public override int Classes => 0;
        public override int[] OutputShape => [1, 8, 8];
        public override Tensor Generate(Tensor z, int[]? labels) => throw new NotSupportedException();
    }

    private sealed class HandWrittenGan : GanDsl.Nn.IGan
    {
        public GanDsl.Nn.GeneratorModule Generator { get; } = new HandWrittenGenerator();
        public GanDsl.Nn.DiscriminatorModule Discriminator { get; } = EnginePairs.Create("logit").Discriminator;
    }

    [Fact]
    public void Asking_for_cuda_where_libtorch_has_none_is_one_sentence_and_never_the_cpu()
    {
        if (torch.cuda.is_available()) return; // a CUDA machine takes the device (DeviceTests checks the range)
        var ex = Assert.Throws<TorchSetupException>(() => TorchEngineFactory.For("cuda"));
        Assert.StartsWith("CUDA was asked for (cuda:0) but LibTorch reports no usable CUDA device;", ex.Message);
        Assert.Single(ex.Message.Split(". ", StringSplitOptions.None));
    }
}

[Collection(nameof(LibTorchGlobals))]
/// <summary>Native memory over a run: tensor handles are counted process-wide, so this runs alone.</summary>
public class TorchEngineMemoryTests
{
    [Theory]
    [InlineData("critic")]
    [InlineData("growing")]
    public void Steps_leave_no_tensors_behind_and_disposing_the_session_frees_what_the_engine_holds(string pair)
    {
        var config = TrainingConfig.Default with
        {
            BatchSize = 8, Epochs = 100, CheckpointIntervalSteps = 0, SampleCount = 6, EmaDecay = 0.9f, R1Weight = 1f, CriticSteps = 2,
            Loss = GanLoss.Hinge, GradientPenaltyWeight = 1f,
        };
        var data = new SyntheticImages(40, classes: pair == "critic" ? 3 : 0);
        long atStart = LiveTensors();
        var session = TrainingSession.Start(EnginePairs.Create(pair), data, config, EngineRuns.Torch);
        for (int i = 0; i < 3; i++) session.RunStep();
        session.SampleFixedNoise();
        session.Capture();
        long warm = LiveTensors();
        for (int i = 0; i < 20; i++)
        {
            session.RunStep();
            if (i % 5 == 0)
            {
                session.SampleFixedNoise();
                session.Capture();
            }
        }
        Assert.Equal(warm, LiveTensors());
        session.Dispose();

        // TorchSharp's own module constructors leave a few initialisation temporaries behind; what the engine itself holds
        // (weights, gradients, optimizer state, average) is freed.
        long before = LiveTensors();
        var gan = EnginePairs.Create(pair);
        TorchNets.Build(gan.Generator).Dispose();
        TorchNets.Build(gan.Discriminator).Dispose();
        long constructorsLeave = LiveTensors() - before;
        Assert.Equal(atStart + constructorsLeave, before);
    }

    /// <summary>Tensor handles alive, after the garbage collector has finalized the unreachable ones (of earlier tests too).</summary>
    private static long LiveTensors()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return torch.Tensor.TotalCount;
    }
}

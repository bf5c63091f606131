using GanDsl.Tensors;
using GanDsl.Training;
using GanDsl.Training.Engines;

namespace GanDsl.Core.Tests.Training.Engines;

/// <summary>The managed engine's side of the contract in <see cref="ITrainingEngine"/>.</summary>
public class ManagedEngineTests
{
    private static float[][] Snapshot(IReadOnlyList<Tensor> parameters) => parameters.Select(p => (float[])p.Data.Clone()).ToArray();

    [Fact]
    public void Updates_outside_a_step_and_a_generator_update_without_a_kept_fake_batch_are_refused()
    {
        var session = TrainingSession.Start(new MlpGan(5, true), new InMemoryData(40), Configs.Tiny);
        var engine = session.Engine;
        var outside = Assert.Throws<InvalidOperationException>(() => engine.DiscriminatorStep(session.NextBatch(0, keepFake: true)));
        Assert.Equal("Begin a step with BeginStep before its discriminator and generator updates.", outside.Message);

        engine.BeginStep();
        Assert.Throws<InvalidOperationException>(engine.BeginStep);
        engine.DiscriminatorStep(session.NextBatch(0, keepFake: false));
        var noFake = Assert.Throws<InvalidOperationException>(() => engine.GeneratorStep());
        Assert.Contains("KeepFakeForGenerator", noFake.Message);
        engine.EndStep();
        Assert.False(BufferScope.IsActive); // the step's scope is closed again
    }

    [Fact]
    public void A_non_finite_loss_is_returned_without_touching_the_discriminator()
    {
        var data = new InMemoryData(40) { Poison = float.NaN };
        var session = TrainingSession.Start(new MlpGan(5, true), data, Configs.Tiny);
        var engine = (ManagedEngine)session.Engine;
        var before = Snapshot(session.D.Parameters());
        engine.BeginStep();
        var outcome = engine.DiscriminatorStep(session.NextBatch(0, keepFake: true));
        engine.EndStep();
        Assert.True(float.IsNaN(outcome.Loss));
        Assert.False(outcome.IsFinite);
        Assert.Equal(0, engine.DiscriminatorOptimizer.StepCount);
        Assert.Equal(before, Snapshot(session.D.Parameters()));
    }

    [Fact]
    public void The_gradient_penalty_needs_the_alpha_the_session_draws()
    {
        var config = Configs.Tiny with { Loss = GanLoss.Wasserstein, GradientPenaltyWeight = 10f };
        var session = TrainingSession.Start(new MlpGan(5, false), new InMemoryData(40), config);
        var engine = session.Engine;
        var batch = session.NextBatch(0, keepFake: true);
        Assert.Equal(config.BatchSize, batch.PenaltyAlpha!.Length);
        engine.BeginStep();
        var ex = Assert.Throws<ArgumentException>(() => engine.DiscriminatorStep(batch with { PenaltyAlpha = null }));
        Assert.StartsWith("The gradient penalty is on but the batch brings no α", ex.Message);
        Assert.True(engine.DiscriminatorStep(batch).Penalty > 0f);
        engine.EndStep();
    }

    [Fact]
    public void Sampling_uses_eval_mode_and_the_generator_average_and_changes_nothing()
    {
        var config = Configs.Tiny with { EmaDecay = 0.5f, MaxSteps = 3 };
        var run = Adversarial.Train(new MlpGan(5, true), new InMemoryData(40), config);
        var engine = (ManagedEngine)run.Session.Engine;
        var state = engine.CaptureState().Generator.Select(e => (e.Name, (float[])e.Value.Data.Clone())).ToList();
        var samples = engine.Sample(run.Session.FixedNoise, null);
        Assert.Equal(state, engine.CaptureState().Generator.Select(e => (e.Name, e.Value.Data)));
        Assert.True(run.Session.G.Training);

        // The same generator with the averages loaded and its own buffers, in eval mode.
        var averaged = new MlpGenerator(77);
        averaged.LoadStateDict(engine.CaptureState().Generator.ToDictionary(e => e.Name, e => e.Value));
        var parameters = averaged.NamedParameters().ToDictionary(p => p.Name, p => p.Value);
        foreach (var (name, value) in engine.CaptureState().GeneratorAverage!) Array.Copy(value.Data, parameters[name].Data, value.Size);
        averaged.Eval();
        using (GanDsl.Autograd.GradMode.NoGrad())
            Assert.Equal(averaged.Generate(run.Session.FixedNoise, null).Data, samples.Data);
    }

    [Fact]
    public void A_step_through_the_seam_allocates_no_tensor_buffer_in_steady_state()
    {
        // Every activation of this pair is at least 64 × 256 floats (64 KiB), so one buffer not taken from the pool would show.
        var config = Configs.Tiny with { BatchSize = 64, EmaDecay = 0.9f, Epochs = 100 };
        var session = TrainingSession.Start(new WideMlpGan(), new InMemoryData(64 * 40, width: 256), config);
        for (int i = 0; i < 5; i++) session.RunStep();
        long before = GC.GetAllocatedBytesForCurrentThread();
        const int steps = 20;
        for (int i = 0; i < steps; i++) session.RunStep();
        long perStep = (GC.GetAllocatedBytesForCurrentThread() - before) / steps;
        Assert.True(perStep < 64 * 1024, $"A step allocated {perStep} bytes.");
    }

    private sealed class WideMlpGan : GanDsl.Nn.IGan
    {
        public GanDsl.Nn.GeneratorModule Generator { get; } = new MlpGenerator(1, latent: 256, width: 256, hidden: 256);
        public GanDsl.Nn.DiscriminatorModule Discriminator { get; } = new MlpDiscriminator(1, true, width: 256, hidden: 256);
    }
}

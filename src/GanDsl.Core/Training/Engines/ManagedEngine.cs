using GanDsl.Autograd;
using GanDsl.Nn;
using GanDsl.Nn.Optimizers;
using GanDsl.Tensors;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Training.Engines;

/// <summary>
/// The default engine: GanDsl's own tensors, autograd and optimizers on the CPU, training the pair's managed nets in place.
/// A step's intermediate tensors come from a <see cref="BufferScope"/> opened by <see cref="BeginStep"/>, so steps allocate no
/// tensor buffers in steady state. Its state (<see cref="CaptureState"/>) is in ManagedEngine.State.cs.
/// </summary>
public sealed partial class ManagedEngine : ITrainingEngine
{
    private readonly TrainingConfig _config;
    private BufferScope.Frame _scope;
    private bool _inStep;
    private Tensor? _fake;
    private int[]? _fakeLabels;
    private readonly SumOfSquares _squares = new(); // the gradient norms, on the kernels' threads

    /// <summary>Creates the managed engine for each run (the default of <see cref="Adversarial"/>.Train).</summary>
    public static ITrainingEngineFactory Factory { get; } = new ManagedFactory();

    /// <summary>
    /// An engine training <paramref name="gan"/>'s nets in place with the optimizers, learning rates and generator average that
    /// <paramref name="config"/> (already validated) sets; both nets are put in training mode.
    /// </summary>
    public ManagedEngine(IGan gan, TrainingConfig config)
    {
        ArgumentNullException.ThrowIfNull(gan);
        _config = config ?? throw new ArgumentNullException(nameof(config));
        (Generator, Discriminator) = (gan.Generator, gan.Discriminator);
        GeneratorOptimizer = CreateOptimizer(config, Generator.Parameters(), config.GeneratorLearningRate);
        DiscriminatorOptimizer = CreateOptimizer(config, Discriminator.Parameters(), config.DiscriminatorLearningRate);
        Ema = config.EmaDecay > 0f ? new GeneratorEma(Generator, config.EmaDecay) : null;
        Generator.Train();
        Discriminator.Train();
    }

    /// <inheritdoc/>
    public string Name => "managed";
    /// <inheritdoc/>
    public string Device => "cpu";

    /// <summary>The pair's generator, trained in place.</summary>
    public GeneratorModule Generator { get; }

    /// <summary>The pair's discriminator, trained in place.</summary>
    public DiscriminatorModule Discriminator { get; }

    /// <summary>G's optimizer (SGD, Adam or AdamW as configured).</summary>
    public Optimizer GeneratorOptimizer { get; }
    /// <summary>D's optimizer (SGD, Adam or AdamW as configured).</summary>
    public Optimizer DiscriminatorOptimizer { get; }

    /// <summary>The generator average; null when <see cref="TrainingConfig.EmaDecay"/> is 0.</summary>
    public GeneratorEma? Ema { get; }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The previous step was not ended.</exception>
    public void BeginStep()
    {
        if (_inStep) throw new InvalidOperationException("A step is already under way; end it with EndStep before beginning the next.");
        _scope = BufferScope.Begin();
        _inStep = true;
    }

    /// <inheritdoc/>
    public void EndStep()
    {
        if (!_inStep) return;
        (_fake, _fakeLabels, _inStep) = (null, null, false);
        _scope.Dispose();
    }

    /// <inheritdoc/>
    public DiscriminatorOutcome DiscriminatorStep(in DiscriminatorBatch batch)
    {
        EnsureInStep();
        Tensor fake;
        using (GradMode.Set(batch.KeepFakeForGenerator && GradMode.IsEnabled))
            fake = Generator.Generate(batch.Noise, batch.FakeLabels);
        var outcome = UpdateDiscriminator(batch.Real, batch.RealLabels, fake.Detach(), batch.FakeLabels, batch.PenaltyAlpha);
        if (batch.KeepFakeForGenerator) (_fake, _fakeLabels) = (fake, batch.FakeLabels);
        return outcome;
    }

    /// <inheritdoc/>
    public GeneratorOutcome GeneratorStep()
    {
        EnsureInStep();
        var fake = _fake ?? throw new InvalidOperationException("The generator step needs a fake batch kept by a discriminator step of this step (KeepFakeForGenerator).");
        var outcome = UpdateGenerator(fake, _fakeLabels);
        if (outcome.IsFinite) Ema?.Update();
        return outcome;
    }

    /// <inheritdoc/>
    public Tensor Sample(Tensor noise, int[]? labels)
    {
        bool wasTraining = Generator.Training;
        Generator.Eval();
        try
        {
            using var noGrad = GradMode.NoGrad();
            Tensor Run() => Generator.Generate(noise, labels).Clone();
            return Ema is null ? Run() : Ema.WithAverages(Run);
        }
        finally
        {
            Generator.Train(wasTraining);
        }
    }

    /// <summary>Ends a step left open; the nets and optimizers stay usable.</summary>
    public void Dispose() => EndStep();

    /// <summary>D's loss on a real and a detached fake batch, its penalties, backward and update; G is not touched.</summary>
    private DiscriminatorOutcome UpdateDiscriminator(Tensor real, int[]? realLabels, Tensor fake, int[]? fakeLabels, float[]? alpha)
    {
        DiscriminatorOptimizer.ZeroGrad();
        bool prob = Discriminator.OutputsProbability;
        var (realScores, realLogits) = Discriminator.Judge(real, realLabels);
        var fakeScores = Discriminator.Score(fake, fakeLabels);
        var loss = GanLosses.Discriminator(_config.Loss, realScores, fakeScores, prob, _config.LabelSmoothing);
        if (realLogits is not null) loss = Ops.Add(loss, ClassHeadLosses.Discriminator(realLogits, ClassHeadLosses.Required(realLabels, "real")));
        float penalty = 0f;
        if (_config.GradientPenaltyWeight > 0f)
        {
            if (alpha is null) throw new ArgumentException("The gradient penalty is on but the batch brings no α; the session draws one per sample.", nameof(alpha));
            var gp = Ops.Scale(Penalties.GradientPenalty(x => Discriminator.Score(x, realLabels), real, fake, alpha), _config.GradientPenaltyWeight);
            penalty += gp.Item();
            loss = Ops.Add(loss, gp);
        }
        if (_config.R1Weight > 0f)
        {
            var r1 = Ops.Scale(Penalties.R1(x => Discriminator.Score(x, realLabels), real), _config.R1Weight / 2f);
            penalty += r1.Item();
            loss = Ops.Add(loss, r1);
        }
        float lossValue = loss.Item();
        double norm = double.NaN;
        if (float.IsFinite(lossValue))
        {
            Engine.Backward(loss);
            norm = GradNorm(DiscriminatorOptimizer.Parameters);
        }
        var outcome = new DiscriminatorOutcome(lossValue, penalty,
            GanLosses.MeanScore(_config.Loss, realScores, prob), GanLosses.MeanScore(_config.Loss, fakeScores, prob), norm);
        if (outcome.IsFinite) DiscriminatorOptimizer.Step();
        return outcome;
    }

    /// <summary>G's update through D with D's parameters frozen, so D neither accumulates gradients nor changes.</summary>
    private GeneratorOutcome UpdateGenerator(Tensor fake, int[]? fakeLabels)
    {
        GeneratorOptimizer.ZeroGrad();
        var frozen = DiscriminatorOptimizer.Parameters;
        foreach (var p in frozen) p.RequiresGrad = false;
        float lossValue;
        try
        {
            var (scores, logits) = Discriminator.Judge(fake, fakeLabels);
            var loss = GanLosses.Generator(_config.Loss, scores, Discriminator.OutputsProbability);
            if (logits is not null) loss = Ops.Add(loss, ClassHeadLosses.Generator(logits, ClassHeadLosses.Required(fakeLabels, "fake")));
            lossValue = loss.Item();
            if (!float.IsFinite(lossValue)) return new GeneratorOutcome(lossValue, double.NaN);
            Engine.Backward(loss);
        }
        finally
        {
            foreach (var p in frozen) p.RequiresGrad = true;
        }
        var outcome = new GeneratorOutcome(lossValue, GradNorm(GeneratorOptimizer.Parameters));
        if (outcome.IsFinite) GeneratorOptimizer.Step();
        return outcome;
    }

    private void EnsureInStep()
    {
        if (!_inStep) throw new InvalidOperationException("Begin a step with BeginStep before its discriminator and generator updates.");
    }

    private double GradNorm(IReadOnlyList<Tensor> parameters) => Math.Sqrt(_squares.OfGradients(parameters));

    private static Optimizer CreateOptimizer(TrainingConfig c, IReadOnlyList<Tensor> parameters, float lr) => c.Optimizer switch
    {
        OptimizerKind.Sgd => new Sgd(parameters, lr, c.Momentum, c.WeightDecay),
        OptimizerKind.Adam => new Adam(parameters, lr, c.Beta1, c.Beta2, 1e-8f, c.WeightDecay),
        _ => new AdamW(parameters, lr, c.Beta1, c.Beta2, 1e-8f, c.WeightDecay),
    };

    private sealed class ManagedFactory : ITrainingEngineFactory
    {
        public ITrainingEngine Create(IGan gan, TrainingConfig config) => new ManagedEngine(gan, config);
    }
}

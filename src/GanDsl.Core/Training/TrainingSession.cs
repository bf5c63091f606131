using GanDsl.Autograd;
using GanDsl.Nn;
using GanDsl.Nn.Optimizers;
using GanDsl.Nn.Progressive;
using GanDsl.Tensors;

namespace GanDsl.Training;

/// <summary>
/// The complete mutable state of one adversarial run (networks, optimizers, random sources, data position, fixed noise)
/// and its step: <see cref="CriticSteps"/> discriminator updates on real and detached fake batches, then one generator
/// update through the discriminator with D's parameters frozen. <see cref="Adversarial.Train"/> drives it; it can also be
/// stepped by hand. Not thread-safe.
/// </summary>
public sealed partial class TrainingSession
{
    private readonly Rng _noise;
    private readonly Tensor _real;
    private readonly int[] _realLabels;
    private readonly int[] _fakeLabels;
    private readonly Tensor _z;
    private readonly int[] _batchIndices;
    private int[]? _order;
    private int _orderEpoch = -1;

    private TrainingSession(IGan gan, ITrainingData data, TrainingConfig config)
    {
        (Gan, Data, Config) = (gan, data, config);
        G = gan.Generator;
        D = gan.Discriminator;
        CheckFits(G, D, data, config);
        GeneratorOptimizer = CreateOptimizer(config, G.Parameters(), config.GeneratorLearningRate);
        DiscriminatorOptimizer = CreateOptimizer(config, D.Parameters(), config.DiscriminatorLearningRate);
        Ema = config.EmaDecay > 0f ? new GeneratorEma(G, config.EmaDecay) : null;
        _noise = new Rng(DerivedSeed(config.Seed, 1));
        int b = config.BatchSize;
        var sampleDims = data.SampleShape.ToArray();
        _real = new Tensor(new Shape([b, .. sampleDims]));
        _realLabels = new int[b];
        _fakeLabels = new int[b];
        _batchIndices = new int[b];
        _z = new Tensor(new Shape(b, G.LatentDim));
        StepsPerEpoch = data.Count / b / config.CriticSteps;

        var fixedRng = new Rng(DerivedSeed(config.Seed, 2));
        FixedNoise = new Tensor(new Shape(config.SampleCount, G.LatentDim));
        fixedRng.FillNormal(FixedNoise.Data);
        FixedLabels = G.Classes > 0 ? Enumerable.Range(0, config.SampleCount).Select(i => i % G.Classes).ToArray() : null;
        G.Train();
        D.Train();
    }

    /// <summary>A fresh run; validates the configuration and that data and networks fit, throwing one clear error otherwise.</summary>
    public static TrainingSession Start(IGan gan, ITrainingData data, TrainingConfig config)
    {
        config.EnsureValid(gan.Discriminator);
        return new TrainingSession(gan, data, config);
    }

    public IGan Gan { get; }
    public ITrainingData Data { get; }
    public TrainingConfig Config { get; }
    public GeneratorModule G { get; }
    public DiscriminatorModule D { get; }
    public Optimizer GeneratorOptimizer { get; }
    public Optimizer DiscriminatorOptimizer { get; }
    public GeneratorEma? Ema { get; }

    /// <summary>The run's fixed latent vectors [SampleCount, LatentDim] (and labels when conditional), drawn once from the seed.</summary>
    public Tensor FixedNoise { get; private set; }
    public int[]? FixedLabels { get; private set; }

    /// <summary>Steps completed in the run (across resumes).</summary>
    public long Step { get; private set; }
    public int CompletedEpochs { get; private set; }
    public int StepInEpoch { get; private set; }
    public int StepsPerEpoch { get; }

    /// <summary>The 1-based epoch the next step belongs to.</summary>
    public int CurrentEpoch => CompletedEpochs + 1;

    public bool Finished => Step >= (Config.MaxSteps ?? long.MaxValue) || CompletedEpochs >= Config.Epochs;

    internal double EpochDiscriminatorLossSum { get; private set; }
    internal double EpochGeneratorLossSum { get; private set; }

    /// <summary>Mean losses over the steps of the current (or just finished) epoch.</summary>
    public (float Discriminator, float Generator) EpochMeanLosses(int steps) =>
        steps == 0 ? (0f, 0f) : ((float)(EpochDiscriminatorLossSum / steps), (float)(EpochGeneratorLossSum / steps));

    /// <summary>The numbers of one step, before timing is added.</summary>
    public readonly record struct StepOutcome(
        float DiscriminatorLoss, float GeneratorLoss, float MeanReal, float MeanFake, float Penalty,
        double DiscriminatorGradNorm, double GeneratorGradNorm, bool EpochEnded);

    /// <summary>One full step. Throws <see cref="TrainingDivergedException"/> before any update that a NaN/Inf would poison.</summary>
    public StepOutcome RunStep()
    {
        if (Finished) throw new InvalidOperationException($"The run is finished at step {Step}; raise Epochs or MaxSteps to train further.");
        (Gan as IProgressive)?.Advance(Step); // a growing GAN's stage and fade-in α are a function of the step
        DiscriminatorOutcome d = default;
        GeneratorOutcome g;
        using (BufferScope.Begin())
        {
            Tensor fake = null!;
            for (int k = 0; k < Config.CriticSteps; k++)
            {
                LoadRealBatch(StepInEpoch * Config.CriticSteps + k);
                bool last = k == Config.CriticSteps - 1;
                fake = MakeFake(withGraph: last);
                d = DiscriminatorStep(_real, RealLabels, fake.Detach(), FakeLabels);
            }
            g = GeneratorStep(fake, FakeLabels);
        }
        Ema?.Update();
        Step++;
        StepInEpoch++;
        EpochDiscriminatorLossSum += d.Loss;
        EpochGeneratorLossSum += g.Loss;
        bool epochEnded = StepInEpoch == StepsPerEpoch;
        if (epochEnded)
        {
            CompletedEpochs++;
            StepInEpoch = 0;
        }
        return new StepOutcome(d.Loss, g.Loss, d.MeanReal, d.MeanFake, d.Penalty, d.GradNorm, g.GradNorm, epochEnded);
    }

    /// <summary>Clears the epoch's loss sums (the loop calls it after reporting an epoch).</summary>
    internal void ResetEpochSums() => (EpochDiscriminatorLossSum, EpochGeneratorLossSum) = (0, 0);

    internal int[]? FakeLabels => G.Classes > 0 ? _fakeLabels : null;

    internal readonly record struct DiscriminatorOutcome(float Loss, float Penalty, float MeanReal, float MeanFake, double GradNorm);
    internal readonly record struct GeneratorOutcome(float Loss, double GradNorm);

    /// <summary>Copies batch <paramref name="batch"/> of the current epoch's order into the real-batch buffers.</summary>
    internal Tensor LoadRealBatch(int batch)
    {
        if (_orderEpoch != CompletedEpochs)
        {
            // Each epoch's order is a function of the seed and the epoch alone, so resuming needs no shuffle state.
            _order = Enumerable.Range(0, Data.Count).ToArray();
            new Rng(DerivedSeed(Config.Seed, 1000 + (ulong)CompletedEpochs)).Shuffle(_order);
            _orderEpoch = CompletedEpochs;
        }
        int b = Config.BatchSize;
        _order.AsSpan(batch * b, b).CopyTo(_batchIndices);
        Data.CopyBatch(_batchIndices, _real.Data, _realLabels);
        return _real;
    }

    internal int[]? RealLabels => G.Classes > 0 ? _realLabels : null;

    /// <summary>Draws latent noise (and labels) and runs G; with <paramref name="withGraph"/> the result can be differentiated into G.</summary>
    internal Tensor MakeFake(bool withGraph)
    {
        _noise.FillNormal(_z.Data);
        if (G.Classes > 0)
            for (int i = 0; i < _fakeLabels.Length; i++) _fakeLabels[i] = _noise.NextInt(G.Classes);
        using var mode = GradMode.Set(withGraph && GradMode.IsEnabled);
        return G.Generate(_z, FakeLabels);
    }

    /// <summary>One discriminator update on a real batch and a detached fake batch; G is not touched.</summary>
    internal DiscriminatorOutcome DiscriminatorStep(Tensor real, int[]? realLabels, Tensor fake, int[]? fakeLabels)
    {
        DiscriminatorOptimizer.ZeroGrad();
        bool prob = D.OutputsProbability;
        var realScores = D.Score(real, realLabels);
        var fakeScores = D.Score(fake, fakeLabels);
        var loss = GanLosses.Discriminator(Config.Loss, realScores, fakeScores, prob, Config.LabelSmoothing);
        float penalty = 0f;
        if (Config.GradientPenaltyWeight > 0f)
        {
            var gp = Ops.Scale(Penalties.GradientPenalty(x => D.Score(x, realLabels), real, fake, _noise), Config.GradientPenaltyWeight);
            penalty += gp.Item();
            loss = Ops.Add(loss, gp);
        }
        if (Config.R1Weight > 0f)
        {
            var r1 = Ops.Scale(Penalties.R1(x => D.Score(x, realLabels), real), Config.R1Weight / 2f);
            penalty += r1.Item();
            loss = Ops.Add(loss, r1);
        }
        float lossValue = loss.Item();
        Finite("discriminator loss", lossValue);
        Engine.Backward(loss);
        double norm = GradNorm(DiscriminatorOptimizer.Parameters);
        Finite("discriminator gradient norm", (float)norm);
        DiscriminatorOptimizer.Step();
        return new DiscriminatorOutcome(lossValue, penalty,
            GanLosses.MeanScore(Config.Loss, realScores, prob), GanLosses.MeanScore(Config.Loss, fakeScores, prob), norm);
    }

    /// <summary>One generator update through D with D's parameters frozen, so D neither accumulates gradients nor changes.</summary>
    internal GeneratorOutcome GeneratorStep(Tensor fake, int[]? fakeLabels)
    {
        GeneratorOptimizer.ZeroGrad();
        var frozen = DiscriminatorOptimizer.Parameters;
        foreach (var p in frozen) p.RequiresGrad = false;
        float lossValue;
        try
        {
            var loss = GanLosses.Generator(Config.Loss, D.Score(fake, fakeLabels), D.OutputsProbability);
            lossValue = loss.Item();
            Finite("generator loss", lossValue);
            Engine.Backward(loss);
        }
        finally
        {
            foreach (var p in frozen) p.RequiresGrad = true;
        }
        double norm = GradNorm(GeneratorOptimizer.Parameters);
        Finite("generator gradient norm", (float)norm);
        GeneratorOptimizer.Step();
        return new GeneratorOutcome(lossValue, norm);
    }

    /// <summary>G's output for the fixed noise, in eval mode and without gradient, with the EMA weights when enabled; changes no state.</summary>
    public Tensor SampleFixedNoise()
    {
        bool wasTraining = G.Training;
        G.Eval();
        try
        {
            using var noGrad = GradMode.NoGrad();
            Tensor Run() => G.Generate(FixedNoise, FixedLabels).Clone();
            return Ema is null ? Run() : Ema.WithAverages(Run);
        }
        finally
        {
            G.Train(wasTraining);
        }
    }

    private void Finite(string quantity, float value)
    {
        if (!float.IsFinite(value)) throw new TrainingDivergedException(Step + 1, quantity, value);
    }

    private static double GradNorm(IReadOnlyList<Tensor> parameters)
    {
        double sum = 0;
        foreach (var p in parameters)
            if (p.Grad is { } g)
                foreach (var v in g.Data) sum += (double)v * v;
        return Math.Sqrt(sum);
    }

    internal static ulong DerivedSeed(ulong seed, ulong stream) => seed ^ (0x9E3779B97F4A7C15UL * (stream + 1));

    private static Optimizer CreateOptimizer(TrainingConfig c, IReadOnlyList<Tensor> parameters, float lr) => c.Optimizer switch
    {
        OptimizerKind.Sgd => new Sgd(parameters, lr, c.Momentum, c.WeightDecay),
        OptimizerKind.Adam => new Adam(parameters, lr, c.Beta1, c.Beta2, 1e-8f, c.WeightDecay),
        _ => new AdamW(parameters, lr, c.Beta1, c.Beta2, 1e-8f, c.WeightDecay),
    };
}

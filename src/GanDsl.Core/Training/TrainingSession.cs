using GanDsl.Autograd;
using GanDsl.Nn;
using GanDsl.Nn.Optimizers;
using GanDsl.Tensors;

namespace GanDsl.Training;

/// <summary>
/// The complete mutable state of one adversarial run (networks, optimizers, random sources, fixed noise, and its
/// <see cref="TrainingProgress"/>) and its step: <see cref="TrainingConfig.CriticSteps"/> discriminator updates on real and
/// detached fake batches, then one generator update through the discriminator with D's parameters frozen (the tensor math
/// is in TrainingSession.StepMath.cs). <see cref="Adversarial.Train"/> drives it; it can also be stepped by hand.
/// Not thread-safe.
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
        Progress = new TrainingProgress(RunLength.Of(config, data.Count));
        CheckFits(G, D, data, Progress.Length);
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

    /// <summary>Steps, epochs and the current epoch's losses: the run's position, counted here and nowhere else.</summary>
    public TrainingProgress Progress { get; }

    /// <summary>The numbers of one step, before timing is added.</summary>
    /// <param name="Step">Steps completed in the run, this one included.</param>
    /// <param name="Epoch">The 1-based epoch this step belongs to.</param>
    /// <param name="FinishedEpoch">The epoch's mean losses when this step completed it; null while the epoch goes on.</param>
    public readonly record struct StepOutcome(
        long Step, int Epoch, float DiscriminatorLoss, float GeneratorLoss, float MeanReal, float MeanFake, float Penalty,
        double DiscriminatorGradNorm, double GeneratorGradNorm, EpochLosses? FinishedEpoch)
    {
        public bool EpochEnded => FinishedEpoch is not null;
    }

    /// <summary>One full step. Throws <see cref="TrainingDivergedException"/> before any update that a NaN/Inf would poison.</summary>
    public StepOutcome RunStep()
    {
        if (Progress.Finished)
            throw new InvalidOperationException($"The run is finished at step {Progress.Step}; raise Epochs or MaxSteps to train further.");
        Gan.OnStep(Progress.Step); // e.g. a growing GAN's stage and fade-in α, a function of the step
        int epoch = Progress.CurrentEpoch;
        var (d, g) = UpdateNetworks();
        var finishedEpoch = Progress.Count(d.Loss, g.Loss);
        return new StepOutcome(Progress.Step, epoch, d.Loss, g.Loss, d.MeanReal, d.MeanFake, d.Penalty, d.GradNorm, g.GradNorm, finishedEpoch);
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

    internal static ulong DerivedSeed(ulong seed, ulong stream) => seed ^ (0x9E3779B97F4A7C15UL * (stream + 1));

    private static Optimizer CreateOptimizer(TrainingConfig c, IReadOnlyList<Tensor> parameters, float lr) => c.Optimizer switch
    {
        OptimizerKind.Sgd => new Sgd(parameters, lr, c.Momentum, c.WeightDecay),
        OptimizerKind.Adam => new Adam(parameters, lr, c.Beta1, c.Beta2, 1e-8f, c.WeightDecay),
        _ => new AdamW(parameters, lr, c.Beta1, c.Beta2, 1e-8f, c.WeightDecay),
    };
}

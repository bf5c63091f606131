using GanDsl.Nn;
using GanDsl.Tensors;
using GanDsl.Training.Engines;

namespace GanDsl.Training;

/// <summary>
/// One adversarial run: its <see cref="TrainingProgress"/>, data order, random draws, fixed noise and checkpoints, written
/// once for every engine, and the <see cref="ITrainingEngine"/> that does a step's tensor math. A step is
/// <see cref="TrainingConfig.CriticSteps"/> discriminator updates, each on the next real batch of the epoch's order and a
/// fresh fake batch, then one generator update through D on the last fake batch (the orchestration of a step is in
/// TrainingSession.Step.cs). <see cref="Adversarial"/>.Train drives it; it can also be stepped by hand. Not thread-safe.
/// </summary>
public sealed partial class TrainingSession : IDisposable
{
    private readonly Rng _noise;
    private readonly Tensor _real;
    private readonly int[] _realLabels;
    private readonly int[] _fakeLabels;
    private readonly Tensor _z;
    private readonly float[]? _penaltyAlpha;
    private readonly int[] _batchIndices;
    private int[]? _order;
    private int _orderEpoch = -1;

    private TrainingSession(IGan gan, ITrainingData data, TrainingConfig config, ITrainingEngineFactory? engine)
    {
        (Gan, Data, Config) = (gan, data, config);
        G = gan.Generator;
        D = gan.Discriminator;
        Progress = new TrainingProgress(RunLength.Of(config, data.Count));
        CheckFits(G, D, data, Progress.Length);
        _noise = new Rng(DerivedSeed(config.Seed, 1));
        int b = config.BatchSize;
        var sampleDims = data.SampleShape.ToArray();
        _real = new Tensor(new Shape([b, .. sampleDims]));
        _realLabels = new int[b];
        _fakeLabels = new int[b];
        _batchIndices = new int[b];
        _z = new Tensor(new Shape(b, G.LatentDim));
        _penaltyAlpha = config.GradientPenaltyWeight > 0f ? new float[b] : null;

        var fixedRng = new Rng(DerivedSeed(config.Seed, 2));
        FixedNoise = new Tensor(new Shape(config.SampleCount, G.LatentDim));
        fixedRng.FillNormal(FixedNoise.Data);
        FixedLabels = G.Classes > 0 ? Enumerable.Range(0, config.SampleCount).Select(i => i % G.Classes).ToArray() : null;
        Engine = (engine ?? ManagedEngine.Factory).Create(gan, config);
    }

    /// <summary>
    /// A fresh run on the engine <paramref name="engine"/> makes (the managed engine when null); validates the configuration
    /// and that data and networks fit, throwing one clear error otherwise.
    /// </summary>
    public static TrainingSession Start(IGan gan, ITrainingData data, TrainingConfig config, ITrainingEngineFactory? engine = null)
    {
        config.EnsureValid(gan);
        return new TrainingSession(gan, data, config, engine);
    }

    /// <summary>The pair being trained.</summary>
    public IGan Gan { get; }
    /// <summary>The real samples the run draws its batches from.</summary>
    public ITrainingData Data { get; }
    /// <summary>The validated configuration the run follows.</summary>
    public TrainingConfig Config { get; }

    /// <summary>
    /// The pair's managed generator. The managed engine trains it in place; another engine starts from its weights, keeps its
    /// own, and writes them back here whenever its state is captured (every checkpoint, and the end of
    /// <see cref="Adversarial"/>.Train).
    /// </summary>
    public GeneratorModule G { get; }

    /// <summary>The pair's managed discriminator, as <see cref="G"/>.</summary>
    public DiscriminatorModule D { get; }

    /// <summary>The engine that does this run's tensor math.</summary>
    public ITrainingEngine Engine { get; }

    /// <summary>The run's fixed latent vectors [SampleCount, LatentDim] (and labels when conditional), drawn once from the seed.</summary>
    public Tensor FixedNoise { get; private set; }
    /// <summary>The labels of <see cref="FixedNoise"/>'s samples for a conditional generator (the classes in turn); null when unconditional.</summary>
    public int[]? FixedLabels { get; private set; }

    /// <summary>Steps, epochs and the current epoch's losses: the run's position, counted here and nowhere else.</summary>
    public TrainingProgress Progress { get; }

    /// <summary>
    /// G's output for the fixed noise, in eval mode and without gradient, with the EMA weights when enabled, in [-1, 1] (mapped
    /// back from <see cref="TrainingConfig.Normalization"/> when the run normalises its data); changes no state.
    /// </summary>
    public Tensor SampleFixedNoise()
    {
        var samples = Engine.Sample(FixedNoise, FixedLabels);
        return Config.Normalization is { } normalization ? normalization.Denormalize(samples) : samples;
    }

    /// <summary>Releases the engine (native memory, for engines that hold any).</summary>
    public void Dispose() => Engine.Dispose();

    internal static ulong DerivedSeed(ulong seed, ulong stream) => seed ^ (0x9E3779B97F4A7C15UL * (stream + 1));
}

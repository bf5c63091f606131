using GanDsl.Nn;
using GanDsl.Tensors;
using GanDsl.Training;
using GanDsl.Training.Checkpoints;
using GanDsl.Training.Engines;

namespace GanDsl.Core.Tests.Training.Engines;

/// <summary>Makes engines with a function and keeps every engine it made, so a test can look at them after a run.</summary>
internal sealed class EngineFactory(Func<IGan, TrainingConfig, ITrainingEngine> create) : ITrainingEngineFactory
{
    public List<ITrainingEngine> Made { get; } = [];

    public ITrainingEngine Create(IGan gan, TrainingConfig config)
    {
        var engine = create(gan, config);
        Made.Add(engine);
        return engine;
    }
}

/// <summary>One discriminator update's inputs as an engine received them (copied: the session reuses its buffers).</summary>
internal sealed record ReceivedBatch(float[] Real, int[]? RealLabels, float[] Noise, int[]? FakeLabels, float[]? Alpha, bool KeepFake);

/// <summary>Passes every call to another engine and records the calls and the batches it was handed.</summary>
internal sealed class RecordingEngine(ITrainingEngine inner) : ITrainingEngine
{
    public List<string> Calls { get; } = [];
    public List<ReceivedBatch> Batches { get; } = [];
    public bool Disposed { get; private set; }

    public string Name => inner.Name;
    public string Device => inner.Device;

    public void BeginStep()
    {
        Calls.Add("begin");
        inner.BeginStep();
    }

    public DiscriminatorOutcome DiscriminatorStep(in DiscriminatorBatch batch)
    {
        Calls.Add(batch.KeepFakeForGenerator ? "d+keep" : "d");
        Batches.Add(new ReceivedBatch((float[])batch.Real.Data.Clone(), (int[]?)batch.RealLabels?.Clone(), (float[])batch.Noise.Data.Clone(),
            (int[]?)batch.FakeLabels?.Clone(), (float[]?)batch.PenaltyAlpha?.Clone(), batch.KeepFakeForGenerator));
        return inner.DiscriminatorStep(batch);
    }

    public GeneratorOutcome GeneratorStep()
    {
        Calls.Add("g");
        return inner.GeneratorStep();
    }

    public void EndStep()
    {
        Calls.Add("end");
        inner.EndStep();
    }

    public Tensor Sample(Tensor noise, int[]? labels) => inner.Sample(noise, labels);
    public EngineState CaptureState() => inner.CaptureState();
    public void LoadState(EngineState state) => inner.LoadState(state);

    public void Dispose()
    {
        Disposed = true;
        inner.Dispose();
    }
}

/// <summary>
/// An engine without tensor math: it keeps a state of the managed names and shapes (a copy of the pair's at the start) and
/// marks it in ways a test can read back: after n generator updates every generator tensor holds n, each discriminator update
/// adds one to D's optimizer step count and draws once from its own random source "fake.dropout". Samples are all 7.
/// </summary>
internal sealed class FakeEngine : ITrainingEngine
{
    private readonly Rng _dropout = new(99);
    private List<(string Name, Tensor Value)> _generator;
    private List<(string Name, Tensor Value)> _discriminator;
    private OptimizerSnapshot _generatorOptimizer;
    private OptimizerSnapshot _discriminatorOptimizer;
    private List<(string Name, Tensor Value)>? _average;

    public FakeEngine(IGan gan, TrainingConfig config)
    {
        var start = new ManagedEngine(gan, config).CaptureState(); // the managed names and shapes, and the pair's weights
        _generator = Copy(start.Generator);
        _discriminator = Copy(start.Discriminator);
        _generatorOptimizer = start.GeneratorOptimizer with { State = Copy(start.GeneratorOptimizer.State) };
        _discriminatorOptimizer = start.DiscriminatorOptimizer with { State = Copy(start.DiscriminatorOptimizer.State) };
        _average = start.GeneratorAverage is { } a ? Copy(a) : null;
    }

    /// <summary>When set, the generator loss of the update with this count (1-based) is NaN.</summary>
    public int? NaNAtGeneratorUpdate { get; init; }

    public List<EngineState> Loaded { get; } = [];
    public List<(float[] Noise, int[]? Labels)> Sampled { get; } = [];
    public int OpenSteps { get; private set; }
    public bool Disposed { get; private set; }

    public string Name => "fake";
    public string Device => "nowhere";

    public void BeginStep() => OpenSteps++;
    public void EndStep() => OpenSteps--;

    public DiscriminatorOutcome DiscriminatorStep(in DiscriminatorBatch batch)
    {
        _dropout.NextUInt64();
        _discriminatorOptimizer = _discriminatorOptimizer with { Steps = _discriminatorOptimizer.Steps + 1 };
        return new DiscriminatorOutcome(0.5f, 0f, 0.6f, 0.4f, 1.0);
    }

    public GeneratorOutcome GeneratorStep()
    {
        long n = _generatorOptimizer.Steps + 1;
        if (n == NaNAtGeneratorUpdate) return new GeneratorOutcome(float.NaN, double.NaN);
        _generatorOptimizer = _generatorOptimizer with { Steps = n };
        foreach (var (_, t) in _generator) t.Data.AsSpan().Fill(n);
        return new GeneratorOutcome(0.7f, 1.0);
    }

    public Tensor Sample(Tensor noise, int[]? labels)
    {
        Sampled.Add(((float[])noise.Data.Clone(), (int[]?)labels?.Clone()));
        return Tensor.Full(7f, noise.Shape[0], 6);
    }

    public EngineState CaptureState() => new()
    {
        Generator = _generator,
        Discriminator = _discriminator,
        GeneratorOptimizer = _generatorOptimizer,
        DiscriminatorOptimizer = _discriminatorOptimizer,
        GeneratorAverage = _average,
        RandomSources = [new NamedRngState("fake.dropout", _dropout.State)],
    };

    public void LoadState(EngineState state)
    {
        Loaded.Add(state);
        (_generator, _discriminator, _average) = (Copy(state.Generator), Copy(state.Discriminator), state.GeneratorAverage is { } a ? Copy(a) : null);
        _generatorOptimizer = state.GeneratorOptimizer with { State = Copy(state.GeneratorOptimizer.State) };
        _discriminatorOptimizer = state.DiscriminatorOptimizer with { State = Copy(state.DiscriminatorOptimizer.State) };
        _dropout.State = state.RandomSources.Single(r => r.Name == "fake.dropout").State;
    }

    public void Dispose() => Disposed = true;

    private static List<(string Name, Tensor Value)> Copy(IReadOnlyList<(string Name, Tensor Value)> entries) =>
        entries.Select(e => (e.Name, e.Value.Clone())).ToList();
}

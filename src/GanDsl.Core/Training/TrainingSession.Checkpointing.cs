using GanDsl.Nn;
using GanDsl.Tensors;
using GanDsl.Training.Checkpoints;
using GanDsl.Training.Engines;

namespace GanDsl.Training;

// Checkpoints are written and read here, the same for every engine: the engine hands over its state in the managed names
// (EngineState) and takes it back; the run's own state (position, noise source, fixed noise, progress) is the session's.
public sealed partial class TrainingSession
{
    /// <summary>The session's state as a checkpoint (the managed engine's weights referenced, not copied: save it before the next step).</summary>
    public Checkpoint Capture()
    {
        var engine = Engine.CaptureState();
        var optimizer = OptimizerEntries("generator.", engine.GeneratorOptimizer).Concat(OptimizerEntries("discriminator.", engine.DiscriminatorOptimizer)).ToList();
        var state = Progress.WriteTo(new CheckpointState
        {
            Config = Config,
            Engine = Engine.Name,
            DataCount = Data.Count,
            NoiseRng = _noise.State,
            RandomSources = engine.RandomSources,
            GeneratorOptimizerSteps = engine.GeneratorOptimizer.Steps,
            DiscriminatorOptimizerSteps = engine.DiscriminatorOptimizer.Steps,
            FixedNoiseShape = FixedNoise.Shape.ToArray(),
            FixedNoise = FixedNoise.Data,
            FixedLabels = FixedLabels,
            Progress = Gan.Progress,
        });
        return new Checkpoint(state, StateEntries(engine.Generator), StateEntries(engine.Discriminator), optimizer, AverageEntries(engine));
    }

    /// <summary>
    /// Continues a run from a checkpoint with <paramref name="config"/> on the engine <paramref name="engine"/> makes (the
    /// managed engine when null; it need not be the engine that wrote the checkpoint). The config may change what does not
    /// break the run (epochs, max steps, learning rates, intervals …) and is refused, naming the field, where it would
    /// (batch size, seed, …).
    /// </summary>
    public static TrainingSession Resume(IGan gan, ITrainingData data, TrainingConfig config, Checkpoint checkpoint, ITrainingEngineFactory? engine = null)
    {
        config.EnsureValid(gan);
        var state = checkpoint.State;
        var problems = ResumeCompatibility.Problems(state.Config, config).ToList();
        if (state.DataCount != data.Count)
            problems.Add($"The data set has {data.Count} samples but the checkpoint was trained on {state.DataCount}; resume with the same data.");
        if (problems.Count > 0) throw new CheckpointException(string.Join(Environment.NewLine, problems));

        var s = new TrainingSession(gan, data, config, engine);
        try
        {
            s.Restore(checkpoint);
            return s;
        }
        catch
        {
            s.Dispose();
            throw;
        }
    }

    private void Restore(Checkpoint checkpoint)
    {
        var state = checkpoint.State;
        var saved = ToEngineState(checkpoint);
        Engine.LoadState(EngineStateFit.Check(saved, Engine.CaptureState(), state.Engine == Engine.Name, G.GetType().Name, D.GetType().Name));
        _noise.State = state.NoiseRng;
        var expectedShape = new[] { Config.SampleCount, G.LatentDim };
        if (!state.FixedNoiseShape.SequenceEqual(expectedShape) || state.FixedNoise.Length != Config.SampleCount * G.LatentDim)
            throw new CheckpointException($"The checkpoint's fixed noise has shape [{string.Join(", ", state.FixedNoiseShape)}] but this generator needs [{string.Join(", ", expectedShape)}].");
        FixedNoise = new Tensor(new Shape(expectedShape), (float[])state.FixedNoise.Clone());
        FixedLabels = state.FixedLabels;
        Progress.ReadFrom(state);
        try
        {
            Gan.RestoreProgress(state.Progress);
        }
        catch (ArgumentException e)
        {
            throw new CheckpointException(e.Message, e);
        }
    }

    /// <summary>Loads a checkpoint's generator weights (the EMA average when present and asked for) into a generator, e.g. for sampling.</summary>
    public static void LoadGenerator(GeneratorModule generator, Checkpoint checkpoint, bool preferAverage = true)
    {
        var entries = preferAverage && checkpoint.GeneratorEma is { } ema ? ema : checkpoint.Generator;
        try
        {
            generator.LoadStateDict(Checkpoint.ToDictionary(entries));
        }
        catch (ArgumentException e)
        {
            throw new CheckpointException($"The checkpoint's generator weights do not fit {generator.GetType().Name}: {e.Message.TrimEnd('.')}; resume with the model that wrote it.", e);
        }
        // e.g. a growing generator samples at the stage and α it was saved at.
        if (checkpoint.State.Progress is { } progress) generator.RestoreProgress(progress);
    }

    /// <summary>A checkpoint's engine part, as every engine takes it.</summary>
    private static EngineState ToEngineState(Checkpoint checkpoint)
    {
        var state = checkpoint.State;
        var optimizer = checkpoint.Optimizer;
        return new EngineState
        {
            Generator = Named(checkpoint.Generator),
            Discriminator = Named(checkpoint.Discriminator),
            GeneratorOptimizer = new OptimizerSnapshot(state.GeneratorOptimizerSteps, Unprefixed(optimizer, "generator.")),
            DiscriminatorOptimizer = new OptimizerSnapshot(state.DiscriminatorOptimizerSteps, Unprefixed(optimizer, "discriminator.")),
            GeneratorAverage = checkpoint.GeneratorEma is { } ema ? Named(ema) : null,
            RandomSources = state.RandomSources,
        };
    }

    private static List<(string Name, Tensor Value)> Named(IReadOnlyList<SafeTensorsEntry> entries) =>
        entries.Select(e => (e.Name, e.Value)).ToList();

    private static List<(string Name, Tensor Value)> Unprefixed(IReadOnlyList<SafeTensorsEntry> entries, string prefix) =>
        entries.Where(e => e.Name.StartsWith(prefix, StringComparison.Ordinal)).Select(e => (e.Name[prefix.Length..], e.Value)).ToList();

    /// <summary>
    /// The generator average as a full state dict: the averaged parameters and G's own buffers (sampling uses G's running
    /// statistics), so the file loads into the generator like its weights do.
    /// </summary>
    private static List<SafeTensorsEntry>? AverageEntries(EngineState engine)
    {
        if (engine.GeneratorAverage is not { } averages) return null;
        var byName = averages.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal);
        return StateEntries(engine.Generator.Select(e => (e.Name, byName.GetValueOrDefault(e.Name) ?? e.Value)));
    }

    /// <summary>State-dict entries with batch norm's counters as int64, the dtype PyTorch's load_state_dict expects.</summary>
    private static List<SafeTensorsEntry> StateEntries(IEnumerable<(string Name, Tensor Value)> state) =>
        state.Select(e => new SafeTensorsEntry(e.Name, e.Value,
            e.Name.EndsWith("num_batches_tracked", StringComparison.Ordinal) ? SafeTensorsDType.I64 : SafeTensorsDType.F32)).ToList();

    private static IEnumerable<SafeTensorsEntry> OptimizerEntries(string prefix, OptimizerSnapshot optimizer) =>
        optimizer.State.Select(e => new SafeTensorsEntry(prefix + e.Name, e.Value));
}

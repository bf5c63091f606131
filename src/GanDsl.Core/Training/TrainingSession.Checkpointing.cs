using GanDsl.Nn;
using GanDsl.Tensors;
using GanDsl.Training.Checkpoints;

namespace GanDsl.Training;

public sealed partial class TrainingSession
{
    /// <summary>The session's state as a checkpoint (weights referenced, not copied: save it before the next step).</summary>
    public Checkpoint Capture()
    {
        var optimizer = OptimizerEntries("generator.", GeneratorOptimizer).Concat(OptimizerEntries("discriminator.", DiscriminatorOptimizer)).ToList();
        var state = Progress.WriteTo(new CheckpointState
        {
            Config = Config,
            DataCount = Data.Count,
            NoiseRng = _noise.State,
            RandomSources = RandomSources().Select(r => new NamedRngState(r.Name, r.Rng.State)).ToList(),
            GeneratorOptimizerSteps = GeneratorOptimizer.StepCount,
            DiscriminatorOptimizerSteps = DiscriminatorOptimizer.StepCount,
            FixedNoiseShape = FixedNoise.Shape.ToArray(),
            FixedNoise = FixedNoise.Data,
            FixedLabels = FixedLabels,
            Progress = Gan.Progress,
        });
        IReadOnlyList<SafeTensorsEntry>? ema = Ema is null ? null
            : StateEntries(G.StateDict().Select(e => (e.Name, Ema.Averages.FirstOrDefault(a => a.Name == e.Name).Value ?? e.Value)));
        return new Checkpoint(state, StateEntries(G.StateDict()), StateEntries(D.StateDict()), optimizer, ema);
    }

    /// <summary>
    /// Continues a run from a checkpoint with <paramref name="config"/>, which may change what does not break the run
    /// (epochs, max steps, learning rates, intervals …) and is refused, naming the field, where it would (batch size, seed, …).
    /// </summary>
    public static TrainingSession Resume(IGan gan, ITrainingData data, TrainingConfig config, Checkpoint checkpoint)
    {
        config.EnsureValid(gan.Discriminator);
        var state = checkpoint.State;
        var problems = ResumeCompatibility.Problems(state.Config, config).ToList();
        if (state.DataCount != data.Count)
            problems.Add($"The data set has {data.Count} samples but the checkpoint was trained on {state.DataCount}; resume with the same data.");
        if (problems.Count > 0) throw new CheckpointException(string.Join(Environment.NewLine, problems));

        var s = new TrainingSession(gan, data, config);
        Load(s.G, checkpoint.Generator, "generator");
        Load(s.D, checkpoint.Discriminator, "discriminator");
        var opt = Checkpoint.ToDictionary(checkpoint.Optimizer);
        LoadOptimizer(s.GeneratorOptimizer, opt, "generator.", state.GeneratorOptimizerSteps);
        LoadOptimizer(s.DiscriminatorOptimizer, opt, "discriminator.", state.DiscriminatorOptimizerSteps);
        if (s.Ema is not null)
            s.Ema.Load(Checkpoint.ToDictionary(checkpoint.GeneratorEma
                ?? throw new CheckpointException("The checkpoint has no generator average although EmaDecay is on; set EmaDecay to 0 or start a new run.")));

        var saved = state.RandomSources.ToDictionary(r => r.Name, r => r.State, StringComparer.Ordinal);
        foreach (var (name, rng) in s.RandomSources())
            rng.State = saved.TryGetValue(name, out var rs) ? rs
                : throw new CheckpointException($"The checkpoint has no random state for {name}; it was written for another model.");
        s._noise.State = state.NoiseRng;
        var expectedShape = new[] { config.SampleCount, s.G.LatentDim };
        if (!state.FixedNoiseShape.SequenceEqual(expectedShape) || state.FixedNoise.Length != config.SampleCount * s.G.LatentDim)
            throw new CheckpointException($"The checkpoint's fixed noise has shape [{string.Join(", ", state.FixedNoiseShape)}] but this generator needs [{string.Join(", ", expectedShape)}].");
        s.FixedNoise = new Tensor(new Shape(expectedShape), (float[])state.FixedNoise.Clone());
        s.FixedLabels = state.FixedLabels;
        s.Progress.ReadFrom(state);
        try
        {
            gan.RestoreProgress(state.Progress);
        }
        catch (ArgumentException e)
        {
            throw new CheckpointException(e.Message, e);
        }
        return s;
    }

    /// <summary>Loads a checkpoint's generator weights (the EMA average when present and asked for) into a generator, e.g. for sampling.</summary>
    public static void LoadGenerator(GeneratorModule generator, Checkpoint checkpoint, bool preferAverage = true)
    {
        Load(generator, preferAverage && checkpoint.GeneratorEma is { } ema ? ema : checkpoint.Generator, "generator");
        // e.g. a growing generator samples at the stage and α it was saved at.
        if (checkpoint.State.Progress is { } progress) generator.RestoreProgress(progress);
    }

    private IEnumerable<(string Name, Rng Rng)> RandomSources() =>
        G.RandomSources().Select(r => (Prefix("generator", r.Name), r.Rng))
            .Concat(D.RandomSources().Select(r => (Prefix("discriminator", r.Name), r.Rng)));

    private static string Prefix(string net, string name) => name.Length == 0 ? net : net + "." + name;

    /// <summary>State-dict entries with batch norm's counters as int64, the dtype PyTorch's load_state_dict expects.</summary>
    private static List<SafeTensorsEntry> StateEntries(IEnumerable<(string Name, Tensor Value)> state) =>
        state.Select(e => new SafeTensorsEntry(e.Name, e.Value,
            e.Name.EndsWith("num_batches_tracked", StringComparison.Ordinal) ? SafeTensorsDType.I64 : SafeTensorsDType.F32)).ToList();

    private static IEnumerable<SafeTensorsEntry> OptimizerEntries(string prefix, Nn.Optimizers.Optimizer optimizer) =>
        optimizer.State().Select(e => new SafeTensorsEntry(prefix + e.Name, e.Value));

    private static void Load(Module module, IReadOnlyList<SafeTensorsEntry> entries, string role)
    {
        try
        {
            module.LoadStateDict(Checkpoint.ToDictionary(entries));
        }
        catch (ArgumentException e)
        {
            throw new CheckpointException($"The checkpoint's {role} weights do not fit {module.GetType().Name}: {e.Message.TrimEnd('.')}; resume with the model that wrote it.", e);
        }
    }

    private static void LoadOptimizer(Nn.Optimizers.Optimizer optimizer, IReadOnlyDictionary<string, Tensor> all, string prefix, long steps)
    {
        var own = all.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key[prefix.Length..], kv => kv.Value, StringComparer.Ordinal);
        try
        {
            optimizer.LoadState(own, steps);
        }
        catch (ArgumentException e)
        {
            throw new CheckpointException($"The checkpoint's {prefix.TrimEnd('.')} optimizer state does not fit: {e.Message.TrimEnd('.')}.", e);
        }
    }

}

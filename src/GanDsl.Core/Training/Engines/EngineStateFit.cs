using GanDsl.Tensors;
using GanDsl.Training.Checkpoints;

namespace GanDsl.Training.Engines;

/// <summary>
/// Checks a saved <see cref="EngineState"/> against the one a fresh engine captures (the names and shapes it needs), so that
/// every engine refuses a checkpoint of another model with the same sentences, before anything is loaded.
/// </summary>
internal static class EngineStateFit
{
    /// <summary>
    /// The state to load: <paramref name="saved"/>, with the random sources that another engine did not write taken from
    /// <paramref name="fresh"/> (dropout streams are each engine's own; the ones of the engine that wrote the checkpoint must
    /// all be there). Throws <see cref="CheckpointException"/> naming the first part that does not fit.
    /// </summary>
    public static EngineState Check(EngineState saved, EngineState fresh, bool writtenBySameEngine, string generatorType, string discriminatorType)
    {
        Weights(saved.Generator, fresh.Generator, "generator", generatorType);
        Weights(saved.Discriminator, fresh.Discriminator, "discriminator", discriminatorType);
        Optimizer(saved.GeneratorOptimizer, fresh.GeneratorOptimizer, "generator");
        Optimizer(saved.DiscriminatorOptimizer, fresh.DiscriminatorOptimizer, "discriminator");
        if (fresh.GeneratorAverage is { } needed)
        {
            var average = saved.GeneratorAverage
                ?? throw new CheckpointException("The checkpoint has no generator average although EmaDecay is on; set EmaDecay to 0 or start a new run.");
            var have = ByName(average);
            foreach (var (name, target) in needed)
                if (!have.TryGetValue(name, out var source) || source.Shape != target.Shape)
                    throw new CheckpointException($"The checkpoint's generator average has no entry {name} of shape {target.Shape}; it was written for another generator.");
        }

        var savedSources = saved.RandomSources.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var sources = new List<NamedRngState>(fresh.RandomSources.Count);
        foreach (var own in fresh.RandomSources)
        {
            if (savedSources.TryGetValue(own.Name, out var s)) sources.Add(s);
            else if (!writtenBySameEngine) sources.Add(own);
            else throw new CheckpointException($"The checkpoint has no random state for {own.Name}; it was written for another model.");
        }
        return saved with { RandomSources = sources };
    }

    private static void Weights(IReadOnlyList<(string Name, Tensor Value)> saved, IReadOnlyList<(string Name, Tensor Value)> fresh, string role, string type)
    {
        var have = ByName(saved);
        var missing = fresh.Where(e => !have.ContainsKey(e.Name)).Select(e => e.Name).ToList();
        var unexpected = have.Keys.Except(fresh.Select(e => e.Name)).ToList();
        string? problem = missing.Count > 0 || unexpected.Count > 0
            ? $"missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", unexpected)}]"
            : fresh.Where(e => have[e.Name].Shape != e.Value.Shape)
                .Select(e => $"{e.Name} has shape {have[e.Name].Shape} but {e.Value.Shape} is needed").FirstOrDefault();
        if (problem is not null)
            throw new CheckpointException($"The checkpoint's {role} weights do not fit {type}: {problem}; resume with the model that wrote it.");
    }

    private static void Optimizer(OptimizerSnapshot saved, OptimizerSnapshot fresh, string role)
    {
        var have = ByName(saved.State);
        foreach (var (name, target) in fresh.State)
        {
            if (!have.TryGetValue(name, out var source))
                throw new CheckpointException($"The checkpoint's {role} optimizer state does not fit: it lacks {name}, so it was written for a different optimizer or model.");
            if (source.Shape != target.Shape)
                throw new CheckpointException($"The checkpoint's {role} optimizer state does not fit: {name} has shape {source.Shape} but {target.Shape} is needed.");
        }
    }

    private static Dictionary<string, Tensor> ByName(IReadOnlyList<(string Name, Tensor Value)> entries)
    {
        var map = new Dictionary<string, Tensor>(entries.Count, StringComparer.Ordinal);
        foreach (var (name, value) in entries) map[name] = value;
        return map;
    }
}

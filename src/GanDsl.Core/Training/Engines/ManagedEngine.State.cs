using GanDsl.Tensors;
using GanDsl.Training.Checkpoints;

namespace GanDsl.Training.Engines;

// The managed engine's state exchange: its nets, optimizers and average are already in the checkpoint names, so capturing
// copies nothing and loading copies values into place.
public sealed partial class ManagedEngine
{
    /// <inheritdoc/>
    public EngineState CaptureState() => new()
    {
        Generator = Generator.StateDict(),
        Discriminator = Discriminator.StateDict(),
        GeneratorOptimizer = new OptimizerSnapshot(GeneratorOptimizer.StepCount, GeneratorOptimizer.State()),
        DiscriminatorOptimizer = new OptimizerSnapshot(DiscriminatorOptimizer.StepCount, DiscriminatorOptimizer.State()),
        GeneratorAverage = Ema?.Averages,
        RandomSources = RandomSources().Select(r => new NamedRngState(r.Name, r.Rng.State)).ToList(),
    };

    /// <inheritdoc/>
    public void LoadState(EngineState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Generator.LoadStateDict(ByName(state.Generator));
        Discriminator.LoadStateDict(ByName(state.Discriminator));
        GeneratorOptimizer.LoadState(ByName(state.GeneratorOptimizer.State), state.GeneratorOptimizer.Steps);
        DiscriminatorOptimizer.LoadState(ByName(state.DiscriminatorOptimizer.State), state.DiscriminatorOptimizer.Steps);
        if (Ema is not null)
            Ema.Load(ByName(state.GeneratorAverage ?? throw new ArgumentException("The state has no generator average although EmaDecay is on.", nameof(state))));
        var saved = state.RandomSources.ToDictionary(r => r.Name, r => r.State, StringComparer.Ordinal);
        foreach (var (name, rng) in RandomSources())
            rng.State = saved.TryGetValue(name, out var s) ? s : throw new ArgumentException($"The state has no random state for {name}.", nameof(state));
    }

    /// <summary>Each dropout layer's source, named by its net and its place in it: "generator.3", "discriminator.5".</summary>
    private IEnumerable<(string Name, Rng Rng)> RandomSources() =>
        Generator.RandomSources().Select(r => (Prefix("generator", r.Name), r.Rng))
            .Concat(Discriminator.RandomSources().Select(r => (Prefix("discriminator", r.Name), r.Rng)));

    private static string Prefix(string net, string name) => name.Length == 0 ? net : net + "." + name;

    private static Dictionary<string, Tensor> ByName(IReadOnlyList<(string Name, Tensor Value)> entries) =>
        entries.ToDictionary(e => e.Name, e => e.Value, StringComparer.Ordinal);
}

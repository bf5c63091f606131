using GanDsl.Training.Checkpoints;
using GanDsl.Training.Engines;

namespace GanDsl.TorchSharp.Training;

// The torch engine's state exchange. Its weights travel through the pair's managed nets: capturing copies the torch weights
// into them (so sampling, evaluation and export after training read trained weights) and hands over their state dicts;
// loading fills them from the checkpoint and copies them onward to the device.
public sealed partial class TorchEngine
{
    /// <inheritdoc/>
    public EngineState CaptureState()
    {
        TorchWeights.CopyTo(_gan.Generator, _generator);
        TorchWeights.CopyTo(_gan.Discriminator, _discriminator);
        return new EngineState
        {
            Generator = _gan.Generator.StateDict(),
            Discriminator = _gan.Discriminator.StateDict(),
            GeneratorOptimizer = _generatorOptimizer.Capture(),
            DiscriminatorOptimizer = _discriminatorOptimizer.Capture(),
            GeneratorAverage = _average?.Capture(),
            RandomSources = [new NamedRngState(TorchDropoutSeeds.SourceName, _dropout.State)],
        };
    }

    /// <inheritdoc/>
    public void LoadState(EngineState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _gan.Generator.LoadStateDict(ByName(state.Generator));
        _gan.Discriminator.LoadStateDict(ByName(state.Discriminator));
        TorchWeights.CopyFrom(_gan.Generator, _generator);
        TorchWeights.CopyFrom(_gan.Discriminator, _discriminator);
        _generatorOptimizer.Load(state.GeneratorOptimizer);
        _discriminatorOptimizer.Load(state.DiscriminatorOptimizer);
        if (_average is not null)
            _average.Load(state.GeneratorAverage ?? throw new ArgumentException("The state has no generator average although EmaDecay is on.", nameof(state)));
        _dropout.State = state.RandomSources.FirstOrDefault(r => r.Name == TorchDropoutSeeds.SourceName)?.State
            ?? throw new ArgumentException($"The state has no random state for {TorchDropoutSeeds.SourceName}.", nameof(state));
    }

    private static Dictionary<string, GanDsl.Tensors.Tensor> ByName(IReadOnlyList<(string Name, GanDsl.Tensors.Tensor Value)> entries) =>
        entries.ToDictionary(e => e.Name, e => e.Value, StringComparer.Ordinal);
}

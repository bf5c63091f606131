using GanDsl.Tensors;
using GanDsl.Training.Checkpoints;

namespace GanDsl.Training.Engines;

/// <summary>
/// An engine's part of a checkpoint, engine-neutral: managed tensors named as PyTorch names them, so the session writes
/// the same files whichever engine trained, and any engine can load them.
/// </summary>
public sealed record EngineState
{
    /// <summary>G's state dict, parameters and buffers, with <c>nn.Sequential</c>'s names (<c>"0.weight"</c>, <c>"1.running_mean"</c> …).</summary>
    public required IReadOnlyList<(string Name, Tensor Value)> Generator { get; init; }

    /// <summary>D's state dict, as <see cref="Generator"/>.</summary>
    public required IReadOnlyList<(string Name, Tensor Value)> Discriminator { get; init; }

    /// <summary>G's optimizer: its step count and moment buffers by G's parameter names.</summary>
    public required OptimizerSnapshot GeneratorOptimizer { get; init; }
    /// <summary>D's optimizer, as <see cref="GeneratorOptimizer"/>.</summary>
    public required OptimizerSnapshot DiscriminatorOptimizer { get; init; }

    /// <summary>The generator average of every G parameter, by G's parameter names; null when <see cref="TrainingConfig.EmaDecay"/> is 0.</summary>
    public IReadOnlyList<(string Name, Tensor Value)>? GeneratorAverage { get; init; }

    /// <summary>
    /// The engine's own random sources (its dropout streams), by name: the managed engine names each dropout layer
    /// (<c>"generator.3"</c>, <c>"discriminator.5"</c>); another engine uses names of its own.
    /// </summary>
    public required IReadOnlyList<NamedRngState> RandomSources { get; init; }
}

/// <summary>
/// One optimizer's state as PyTorch's <c>optimizer.state_dict()</c> keeps it: the step count and per-parameter tensors
/// keyed by the parameter's index in the net's parameter order, <c>"{i}.exp_avg"</c> and <c>"{i}.exp_avg_sq"</c> for Adam
/// and AdamW, <c>"{i}.momentum_buffer"</c> for SGD, each of the parameter's shape.
/// </summary>
public sealed record OptimizerSnapshot(long Steps, IReadOnlyList<(string Name, Tensor Value)> State);

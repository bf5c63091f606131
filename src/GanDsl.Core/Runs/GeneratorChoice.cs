namespace GanDsl.Runs;

/// <summary>Which of a run's generators <see cref="RunFolder.LoadGenerator(GeneratorChoice)"/> loads.</summary>
public enum GeneratorChoice
{
    /// <summary>The generator's own weights in the latest checkpoint (<c>checkpoints/step-…</c> with the highest step).</summary>
    Latest,

    /// <summary>The exponential moving average of the generator's weights in the latest checkpoint; only for runs with <c>EmaDecay</c> above 0.</summary>
    Ema,

    /// <summary>
    /// The checkpoint with the lowest fcd (<c>checkpoints/best</c>, kept by runs that evaluate as they train), as it was
    /// scored: its average when the run keeps one, else its weights.
    /// </summary>
    Best,
}

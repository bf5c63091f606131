namespace GanDsl.Training;

/// <summary>A training configuration with one or more bad fields; <see cref="Errors"/> holds one sentence per field.</summary>
public sealed class TrainingConfigException(IReadOnlyList<string> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    /// <summary>One sentence per bad field, each naming the field, its value and what it must be.</summary>
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>Training diverged: a loss or a gradient became NaN or infinite. The last good checkpoint is left as it was.</summary>
public sealed class TrainingDivergedException(long step, string quantity, float value)
    : Exception($"Training stopped at step {step}: the {quantity} is {Format(value)}; lower the learning rates or add a gradient penalty, then resume from the last checkpoint.")
{
    /// <summary>The step at which the non-finite value appeared (no update was applied with it).</summary>
    public long Step { get; } = step;
    /// <summary>What became non-finite, e.g. <c>discriminator loss</c> or <c>generator gradient norm</c>.</summary>
    public string Quantity { get; } = quantity;

    private static string Format(float v) => float.IsNaN(v) ? "NaN" : v > 0 ? "+Infinity" : "-Infinity";
}

/// <summary>A checkpoint that cannot be used (missing, corrupt, truncated, or written for another model or configuration).</summary>
public sealed class CheckpointException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Data, model and configuration that do not fit together (shapes, classes, sizes).</summary>
public sealed class TrainingSetupException(string message) : Exception(message);

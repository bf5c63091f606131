namespace GanDsl.Training.Checkpoints;

/// <summary>One checkpoint in memory: the state file and the tensors of each weight file.</summary>
public sealed record Checkpoint(
    CheckpointState State,
    IReadOnlyList<SafeTensorsEntry> Generator,
    IReadOnlyList<SafeTensorsEntry> Discriminator,
    IReadOnlyList<SafeTensorsEntry> Optimizer,
    IReadOnlyList<SafeTensorsEntry>? GeneratorEma)
{
    /// <summary>The generator's weights and buffers (PyTorch state-dict names).</summary>
    public const string GeneratorFile = "generator.safetensors";
    /// <summary>The discriminator's weights and buffers (PyTorch state-dict names).</summary>
    public const string DiscriminatorFile = "discriminator.safetensors";
    /// <summary>Both optimizers' moment buffers.</summary>
    public const string OptimizerFile = "optimizer.safetensors";
    /// <summary>The generator's exponential moving average, when the run keeps one (<see cref="TrainingConfig.EmaDecay"/>).</summary>
    public const string GeneratorEmaFile = "generator_ema.safetensors";
    /// <summary>The <see cref="CheckpointState"/> as JSON.</summary>
    public const string StateFile = "state.json";

    /// <summary>The folder name of the checkpoint after <paramref name="step"/> steps: <c>step-0001200</c>.</summary>
    public static string FolderName(long step) => "step-" + step.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A name → tensor map of one file's entries, as <c>Module.LoadStateDict</c> takes it.</summary>
    public static IReadOnlyDictionary<string, GanDsl.Tensors.Tensor> ToDictionary(IReadOnlyList<SafeTensorsEntry> entries) =>
        entries.ToDictionary(e => e.Name, e => e.Value, StringComparer.Ordinal);
}

namespace GanDsl.Training.Checkpoints;

/// <summary>One checkpoint in memory: the state file and the tensors of each weight file.</summary>
public sealed record Checkpoint(
    CheckpointState State,
    IReadOnlyList<SafeTensorsEntry> Generator,
    IReadOnlyList<SafeTensorsEntry> Discriminator,
    IReadOnlyList<SafeTensorsEntry> Optimizer,
    IReadOnlyList<SafeTensorsEntry>? GeneratorEma)
{
    public const string GeneratorFile = "generator.safetensors";
    public const string DiscriminatorFile = "discriminator.safetensors";
    public const string OptimizerFile = "optimizer.safetensors";
    public const string GeneratorEmaFile = "generator_ema.safetensors";
    public const string StateFile = "state.json";

    /// <summary>The folder name of the checkpoint after <paramref name="step"/> steps: <c>step-0001200</c>.</summary>
    public static string FolderName(long step) => "step-" + step.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A name → tensor map of one file's entries, as <c>Module.LoadStateDict</c> takes it.</summary>
    public static IReadOnlyDictionary<string, GanDsl.Tensors.Tensor> ToDictionary(IReadOnlyList<SafeTensorsEntry> entries) =>
        entries.ToDictionary(e => e.Name, e => e.Value, StringComparer.Ordinal);
}

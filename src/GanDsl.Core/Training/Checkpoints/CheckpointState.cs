using System.Text.Json;
using System.Text.Json.Serialization;
using GanDsl.Tensors;

namespace GanDsl.Training.Checkpoints;

/// <summary>
/// The contents of <c>state.json</c>: everything besides the weights that a resumed run needs to continue exactly as an
/// uninterrupted one (position in the data order, every random source, optimizer step counts, fixed noise), plus the
/// SHA-256 of each weight file so corruption is caught before anything is loaded. Holds no wall-clock time, so two runs
/// that reach the same state write the same bytes.
/// </summary>
public sealed record CheckpointState
{
    /// <summary>The format this version of GanDsl writes and reads; <see cref="FromJson"/> refuses any other.</summary>
    public const int CurrentFormat = 1;

    /// <summary>The file's format number (<see cref="CurrentFormat"/> when written).</summary>
    public int Format { get; init; } = CurrentFormat;
    /// <summary>The configuration the run was trained with; a resume checks the new one against it (<see cref="ResumeCompatibility"/>).</summary>
    public required TrainingConfig Config { get; init; }

    /// <summary>
    /// The engine that wrote the checkpoint (<c>managed</c>, <c>torch</c>), for information: a checkpoint resumes on any
    /// engine. Checkpoints that do not say were written by the managed engine.
    /// </summary>
    public string Engine { get; init; } = "managed";

    /// <summary>Steps completed.</summary>
    public long Step { get; init; }

    /// <summary>Epochs completed.</summary>
    public int CompletedEpochs { get; init; }

    /// <summary>Steps already taken in the current epoch: the data order position (each step reads CriticSteps batches).</summary>
    public int StepInEpoch { get; init; }

    /// <summary>Samples in the data set the run was trained on (the epoch order depends on it).</summary>
    public int DataCount { get; init; }

    /// <summary>Sum of the discriminator's losses over the current epoch's steps so far, so the resumed epoch's mean is exact.</summary>
    public double EpochDiscriminatorLossSum { get; init; }
    /// <summary>Sum of the generator's losses over the current epoch's steps so far.</summary>
    public double EpochGeneratorLossSum { get; init; }

    /// <summary>The loop's noise source (latent vectors, fake labels, gradient-penalty α).</summary>
    public RngState NoiseRng { get; init; }

    /// <summary>
    /// The engine's own random sources: the managed engine's are the dropout layers of both networks, named "generator.3",
    /// "discriminator.5" …; a run resumed on another engine starts that engine's sources afresh.
    /// </summary>
    public IReadOnlyList<NamedRngState> RandomSources { get; init; } = [];

    /// <summary>Updates the generator's optimizer has made (Adam's bias correction depends on it).</summary>
    public long GeneratorOptimizerSteps { get; init; }
    /// <summary>Updates the discriminator's optimizer has made (several per step with <see cref="TrainingConfig.CriticSteps"/>).</summary>
    public long DiscriminatorOptimizerSteps { get; init; }

    /// <summary>Shape of <see cref="FixedNoise"/>: [samples, latent dimension].</summary>
    public int[] FixedNoiseShape { get; init; } = [];
    /// <summary>The latent vectors the epoch grids are drawn from, kept so a resumed run draws the same grid.</summary>
    public float[] FixedNoise { get; init; } = [];

    /// <summary>Labels of the fixed samples for a conditional generator; null when unconditional.</summary>
    public int[]? FixedLabels { get; init; }

    /// <summary>Stage and fade-in α of a progressive GAN (with its schedule); absent for GANs that do not grow.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public GanDsl.Nn.Progressive.ProgressState? Progress { get; init; }

    /// <summary>Each weight file of the checkpoint with its SHA-256, lowercase hex.</summary>
    public IReadOnlyList<FileDigest> Files { get; init; } = [];

    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>The state as indented UTF-8 JSON (enums as names), the bytes of <c>state.json</c>.</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, JsonOptions);

    /// <summary>Parses state.json; throws <see cref="JsonException"/> (or <see cref="FormatException"/> for an unknown format) on bad input.</summary>
    public static CheckpointState FromJson(ReadOnlySpan<byte> json)
    {
        var state = JsonSerializer.Deserialize<CheckpointState>(json, JsonOptions) ?? throw new FormatException("state.json holds null");
        if (state.Format != CurrentFormat) throw new FormatException($"state.json has format {state.Format} but this GanDsl reads format {CurrentFormat}");
        return state;
    }
}

/// <summary>A named random source's state in a checkpoint.</summary>
/// <param name="Name">The source, e.g. <c>generator.3</c> for the dropout layer at index 3 of the generator.</param>
/// <param name="State">Its generator state.</param>
public sealed record NamedRngState(string Name, RngState State);

/// <summary>A checkpoint file's size and hash, checked before the file is loaded.</summary>
/// <param name="Name">The file name within the checkpoint folder.</param>
/// <param name="Length">Its size in bytes.</param>
/// <param name="Sha256">Its SHA-256, lowercase hex.</param>
public sealed record FileDigest(string Name, long Length, string Sha256);

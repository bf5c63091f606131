using System.Text.Json;
using System.Text.Json.Serialization;
using GanDsl.IO;
using GanDsl.Nn;
using GanDsl.Training;

namespace GanDsl.Runs;

/// <summary>
/// What a run folder trained and on what: its <c>run.json</c>, written once when the run starts, so that <c>--resume</c>,
/// <c>sample</c>, <c>evaluate</c> and <see cref="RunFolder"/> need only the folder.
/// </summary>
/// <param name="Model">The model's name: a reference model's CLI name (<c>dcgan</c>) or the pair's class name (<c>MyGan</c>).</param>
/// <param name="Dataset">A dataset name, <see cref="DataSource.ImageFolder"/>, or a name for data made in code (see <see cref="DataSource"/>).</param>
/// <param name="DatasetDirectory">The folder the data was read from; null for a named dataset found in the standard places.</param>
public sealed record RunInfo(string Model, string Dataset, string? DatasetDirectory)
{
    public const string FileName = "run.json";

    /// <summary>The full name of the pair's class, when it can be rebuilt from its name (it has a constructor taking a seed); null otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Pair { get; init; }

    /// <summary>The full path of the assembly that declares <see cref="Pair"/>; null for GanDsl's reference models.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Assembly { get; init; }

    /// <summary>How an image folder was read; null for other data.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImageFolderSettings? Images { get; init; }

    /// <summary>
    /// The engine the run trains on (<c>managed</c>, <c>torch</c>), as of its latest training call; null in a run.json written
    /// before engines were recorded, which trained on the managed engine.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Engine { get; init; }

    /// <summary>Where that engine ran (<c>cpu</c>, <c>cuda:0</c>); null where <see cref="Engine"/> is.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Device { get; init; }

    /// <summary><see cref="Engine"/>, or <c>managed</c> for a run.json that does not record one.</summary>
    [JsonIgnore]
    public string EngineOrDefault => Engine ?? "managed";

    /// <summary><see cref="Device"/>, or <c>cpu</c> for a run.json that does not record one.</summary>
    [JsonIgnore]
    public string DeviceOrDefault => Device ?? "cpu";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>
    /// What <see cref="Adversarial.Train"/> records for <paramref name="gan"/> on <paramref name="data"/>: the pair's class
    /// (with its assembly, unless it was built at run time, e.g. with <c>LayerStack</c>) and the data's
    /// <see cref="ITrainingData.Source"/> (<see cref="DataSource.InCode"/> when it has none).
    /// </summary>
    public static RunInfo Describe(IGan gan, ITrainingData data)
    {
        ArgumentNullException.ThrowIfNull(gan);
        ArgumentNullException.ThrowIfNull(data);
        var type = gan.GetType();
        bool rebuildable = PairAssembly.IsPair(type) && type.Assembly != typeof(IGan).Assembly;
        var source = data.Source ?? new DataSource(DataSource.InCode);
        return new RunInfo(type.Name, source.Dataset, source.Directory)
        {
            Pair = rebuildable ? type.FullName : null,
            Assembly = rebuildable && type.Assembly.Location.Length > 0 ? type.Assembly.Location : null,
            Images = source.Images,
        };
    }

    /// <summary>Writes <c>run.json</c> into <paramref name="runDirectory"/> (atomically).</summary>
    public void Write(string runDirectory) => AtomicFile.WriteAllText(Path.Combine(runDirectory, FileName), JsonSerializer.Serialize(this, Json));

    /// <summary>Reads a run folder's <c>run.json</c>; a missing folder or file, or a damaged one, is a <see cref="RunFolderException"/>.</summary>
    public static RunInfo Read(string runDirectory)
    {
        if (!Directory.Exists(runDirectory))
            throw new RunFolderException($"The run folder {runDirectory} does not exist; pass the folder a training run wrote ('gandsl train --out', or the runDirectory given to Adversarial.Train).");
        var path = Path.Combine(runDirectory, FileName);
        if (!File.Exists(path))
            throw new RunFolderException($"{runDirectory} is not a GanDsl run folder: it has no {FileName}; pass the folder a training run wrote ('gandsl train --out', or the runDirectory given to Adversarial.Train).");
        try
        {
            var info = JsonSerializer.Deserialize<RunInfo>(File.ReadAllText(path), Json);
            if (info is null || string.IsNullOrWhiteSpace(info.Model) || string.IsNullOrWhiteSpace(info.Dataset)) throw new JsonException("incomplete");
            return info;
        }
        catch (JsonException)
        {
            throw new RunFolderException($"{path} is damaged and cannot be read; restore it or start a new run.");
        }
    }
}

using System.Text.Json;
using GanDsl.IO;

namespace GanDsl.Cli.Runs;

/// <summary>What a run folder was trained on: written once as <c>run.json</c> so <c>--resume</c>, <c>sample</c> and <c>evaluate</c> need only the folder.</summary>
internal sealed record RunInfo(string Model, string Dataset, string? DatasetDirectory)
{
    public const string FileName = "run.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public void Write(string runDirectory) => AtomicFile.WriteAllText(Path.Combine(runDirectory, FileName), JsonSerializer.Serialize(this, Json));

    public static RunInfo Read(string runDirectory)
    {
        if (!Directory.Exists(runDirectory))
            throw new UserError($"The run folder {runDirectory} does not exist; pass the folder 'gandsl train' wrote (its --out).");
        var path = Path.Combine(runDirectory, FileName);
        if (!File.Exists(path))
            throw new UserError($"{runDirectory} is not a GanDsl run folder: it has no {FileName}; pass the folder 'gandsl train' wrote (its --out).");
        try
        {
            return JsonSerializer.Deserialize<RunInfo>(File.ReadAllText(path), Json)
                ?? throw new JsonException("empty");
        }
        catch (JsonException)
        {
            throw new UserError($"{path} is damaged and cannot be read; restore it or start a new run.");
        }
    }
}

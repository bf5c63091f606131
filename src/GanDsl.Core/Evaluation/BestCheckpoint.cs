using System.Globalization;
using System.Text.Json;
using GanDsl.IO;

namespace GanDsl.Evaluation;

/// <summary>
/// Keeps <c>RUN/checkpoints/best/</c>: a copy of the checkpoint with the lowest <c>fcd</c> seen so far, with its score in
/// <c>best/evaluation.json</c>. The copy is assembled in a hidden temporary folder and renamed into place, so a crash
/// leaves the previous best intact. The folder is not named <c>step-…</c>, so it is never taken for the latest checkpoint.
/// </summary>
public static class BestCheckpoint
{
    /// <summary>The kept copy's folder name under <c>checkpoints/</c>.</summary>
    public const string FolderName = "best";
    /// <summary>The file in the kept copy that holds its <c>fcd</c> and step.</summary>
    public const string ScoreFile = "evaluation.json";

    /// <summary>The kept copy's folder in <paramref name="runDirectory"/>: <c>RUN/checkpoints/best</c> (it may not exist).</summary>
    public static string PathIn(string runDirectory) => Path.Combine(runDirectory, "checkpoints", FolderName);

    /// <summary>The fcd and step of the kept checkpoint, or null when there is none (or its score file is unreadable).</summary>
    public static (double Fcd, long Step)? Read(string runDirectory)
    {
        var path = Path.Combine(PathIn(runDirectory), ScoreFile);
        if (!File.Exists(path)) return null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            return (root.GetProperty("fcd").GetDouble(), root.GetProperty("step").GetInt64());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null; // a damaged score never blocks training: the next evaluation replaces it
        }
    }

    /// <summary>
    /// Copies <paramref name="checkpointDirectory"/> to <c>best/</c> when <paramref name="fcd"/> is finite and lower than the kept
    /// one's (or none is kept); returns whether it did. <paramref name="reportJson"/> (one JSON object) is stored beside the score.
    /// </summary>
    public static bool Offer(string runDirectory, string checkpointDirectory, long step, double fcd, string? reportJson = null)
    {
        if (!double.IsFinite(fcd)) return false;
        if (Read(runDirectory) is { } kept && kept.Fcd <= fcd) return false;

        AtomicFolder.Write(PathIn(runDirectory), temp =>
        {
            foreach (var file in Directory.GetFiles(checkpointDirectory))
                File.Copy(file, Path.Combine(temp, Path.GetFileName(file)));
            File.WriteAllText(Path.Combine(temp, ScoreFile), ScoreJson(checkpointDirectory, step, fcd, reportJson));
        });
        return true;
    }

    private static string ScoreJson(string checkpointDirectory, long step, double fcd, string? reportJson)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("step", step);
            json.WriteNumber("fcd", fcd);
            json.WriteString("copied_from", Path.GetFileName(Path.TrimEndingDirectorySeparator(checkpointDirectory)));
            if (reportJson is not null)
            {
                json.WritePropertyName("report");
                using var report = JsonDocument.Parse(reportJson);
                report.RootElement.WriteTo(json);
            }
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>For messages: "fcd 1.234 at step 500".</summary>
    public static string Describe(double fcd, long step) => string.Create(CultureInfo.InvariantCulture, $"fcd {fcd:F3} at step {step}");
}

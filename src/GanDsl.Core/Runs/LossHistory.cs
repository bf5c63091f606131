using System.Text.Json;

namespace GanDsl.Runs;

/// <summary>The per-step losses logged in a run's <c>metrics.jsonl</c>, for the loss plot (resumed runs included).</summary>
internal static class LossHistory
{
    public static List<(long Step, double DLoss, double GLoss)> Read(string metricsPath)
    {
        var points = new List<(long, double, double)>();
        if (!File.Exists(metricsPath)) return points;
        using var stream = new FileStream(metricsPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.GetProperty("kind").GetString() != "step") continue;
            if (root.GetProperty("d_loss").ValueKind != JsonValueKind.Number || root.GetProperty("g_loss").ValueKind != JsonValueKind.Number) continue;
            points.Add((root.GetProperty("step").GetInt64(), root.GetProperty("d_loss").GetDouble(), root.GetProperty("g_loss").GetDouble()));
        }
        return points;
    }
}

using System.Text;
using System.Text.Json;
using GanDsl.IO;

namespace GanDsl.Training;

/// <summary>
/// <c>RUN/metrics.jsonl</c>: one JSON object per logged step (<c>"kind":"step"</c>), per epoch (<c>"kind":"epoch"</c>) and per
/// evaluation (<c>"kind":"evaluation"</c>),
/// flushed line by line. On resume, lines past the checkpoint's step (written after it by the interrupted process) are dropped.
/// </summary>
public sealed class MetricsLog : IDisposable
{
    private readonly StreamWriter _writer;

    /// <summary>Appends to <paramref name="path"/> (created if missing).</summary>
    /// <param name="path">The <c>metrics.jsonl</c> file.</param>
    /// <param name="keepThroughStep">On resume, the checkpoint's step: later lines are dropped first; the default keeps every line.</param>
    public MetricsLog(string path, long keepThroughStep = long.MaxValue)
    {
        if (File.Exists(path) && keepThroughStep != long.MaxValue)
        {
            var kept = File.ReadAllLines(path).Where(line => StepOf(line) is { } s && s <= keepThroughStep);
            AtomicFile.WriteAllText(path, string.Concat(kept.Select(line => line + "\n")));
        }
        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false)) { NewLine = "\n" };
    }

    /// <summary>Appends a <c>"kind":"step"</c> line: losses, mean scores, penalty, gradient norms and elapsed seconds.</summary>
    public void Write(StepReport r) => WriteLine(w =>
    {
        w.WriteString("kind", "step");
        w.WriteNumber("step", r.Step);
        w.WriteNumber("epoch", r.Epoch);
        Number(w, "d_loss", r.DiscriminatorLoss);
        Number(w, "g_loss", r.GeneratorLoss);
        Number(w, "d_x", r.MeanRealScore);
        Number(w, "d_g_z", r.MeanFakeScore);
        Number(w, "penalty", r.Penalty);
        Number(w, "d_grad_norm", r.DiscriminatorGradNorm);
        Number(w, "g_grad_norm", r.GeneratorGradNorm);
        Number(w, "elapsed_s", Math.Round(r.ElapsedSeconds, 3));
    });

    /// <summary>Appends a <c>"kind":"epoch"</c> line with the epoch's mean losses.</summary>
    public void Write(EpochReport r) => WriteLine(w =>
    {
        w.WriteString("kind", "epoch");
        w.WriteNumber("step", r.Step);
        w.WriteNumber("epoch", r.Epoch);
        Number(w, "d_loss", r.MeanDiscriminatorLoss);
        Number(w, "g_loss", r.MeanGeneratorLoss);
        w.WriteBoolean("complete", r.Complete);
        Number(w, "elapsed_s", Math.Round(r.ElapsedSeconds, 3));
    });

    /// <summary>An evaluation's metrics (<c>"kind":"evaluation"</c>) at the step and epoch it scored.</summary>
    public void WriteEvaluation(long step, int epoch, IEnumerable<KeyValuePair<string, double?>> metrics) => WriteLine(w =>
    {
        w.WriteString("kind", "evaluation");
        w.WriteNumber("step", step);
        w.WriteNumber("epoch", epoch);
        foreach (var (name, value) in metrics)
        {
            if (value is { } v) Number(w, name, v);
            else w.WriteNull(name);
        }
    });

    private void WriteLine(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        _writer.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
        _writer.Flush();
    }

    // JSON has no NaN: a non-finite value (never logged by a healthy run) becomes null.
    private static void Number(Utf8JsonWriter w, string name, double v)
    {
        if (double.IsFinite(v)) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    private static long? StepOf(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.TryGetProperty("step", out var s) && s.TryGetInt64(out var v) ? v : null;
        }
        catch (JsonException)
        {
            return null; // a torn last line from a crash
        }
    }

    /// <summary>Flushes and closes the file.</summary>
    public void Dispose() => _writer.Dispose();
}

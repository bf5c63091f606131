using System.Globalization;
using GanDsl.Cli.Models;
using GanDsl.Cli.Runs;
using GanDsl.Evaluation;
using GanDsl.Runs;
using GanDsl.Training;

namespace GanDsl.Cli.Evaluation;

/// <summary>
/// Evaluation during training: scores the checkpoint the loop writes at the end of every <c>EvaluateEveryEpochs</c>-th epoch
/// (the generator average when the run keeps one), hands the metrics back for <c>metrics.jsonl</c>, and keeps
/// <c>RUN/checkpoints/best/</c> as the checkpoint with the lowest fcd.
/// </summary>
internal sealed class EvaluationObserver(string runDirectory, RunInfo info, ServedModel model, EvaluationContext context, Action<string> log)
    : ITrainingObserver
{
    public IReadOnlyList<KeyValuePair<string, double?>>? OnEvaluation(EvaluationRequest request)
    {
        if (request.CheckpointDirectory is null) return null; // the CLI always trains into a run folder
        using var run = TrainedRun.Load(info, model, request.CheckpointDirectory);
        var report = ImageQuality.OfRun(run, request.Samples, context);
        bool best = BestCheckpoint.Offer(runDirectory, request.CheckpointDirectory, request.Step, report.Fcd, report.ToJson());
        string accuracy = report.ConditionalAccuracy is { } a ? string.Create(CultureInfo.InvariantCulture, $", conditional accuracy {a:F3}") : "";
        log(string.Create(CultureInfo.InvariantCulture,
            $"evaluation at epoch {request.Epoch} (step {request.Step}, {report.Samples} samples): fcd {report.Fcd:F3}, kid {report.Kid:F5}, coverage {report.Coverage:F3}{accuracy}{(best ? "; new best, kept in checkpoints/best" : "")}"));
        return Metrics(report);
    }

    /// <summary>The report's fields under the keys of <c>gandsl evaluate --json</c>.</summary>
    public static IReadOnlyList<KeyValuePair<string, double?>> Metrics(QualityReport r) =>
    [
        new("fcd", r.Fcd), new("kid", r.Kid), new("kid_std", r.KidStd), new("classifier_score", r.ClassifierScore),
        new("coverage", r.Coverage), new("classes_covered", r.ClassesCovered), new("conditional_accuracy", r.ConditionalAccuracy),
        new("samples", r.Samples),
    ];
}

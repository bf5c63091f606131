using GanDsl.Models;
using GanDsl.Training;

namespace GanDsl.Cli.Commands;

/// <summary>The options of one <c>gandsl train</c> call, as given (null where omitted).</summary>
internal sealed record TrainRequest(string? Model, string? Dataset, int? Epochs, int? BatchSize, ulong? Seed, string? Out, string? Resume,
    long? MaxSteps, int? EvaluateEvery, int? EvaluationSamples)
{
    /// <summary>The evaluation options, which both a new run and a resumed one may set.</summary>
    public TrainingConfig WithEvaluation(TrainingConfig config) => config with
    {
        EvaluateEveryEpochs = EvaluateEvery ?? config.EvaluateEveryEpochs,
        EvaluationSamples = EvaluationSamples ?? config.EvaluationSamples,
    };

    public static ReferenceModel FindModel(string name) =>
        ModelCatalog.Find(name) ?? throw new UserError($"Unknown model '{name}'; run 'gandsl models' to list them ({string.Join(", ", ModelCatalog.All.Select(m => m.Name))}).");
}

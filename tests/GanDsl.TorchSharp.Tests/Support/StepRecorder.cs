using GanDsl.Training;

namespace GanDsl.TorchSharp.Tests.Support;

/// <summary>Keeps every step report of a run (log every step to see them all).</summary>
internal sealed class StepRecorder : ITrainingObserver
{
    public List<StepReport> Steps { get; } = [];

    public void OnStep(StepReport report) => Steps.Add(report);

    /// <summary>The reports as the session's outcomes, for <see cref="EngineRuns.SameSteps"/>.</summary>
    public List<TrainingSession.StepOutcome> Outcomes(long fromStep = 1) => Steps.Where(s => s.Step >= fromStep)
        .Select(s => new TrainingSession.StepOutcome(s.Step, s.Epoch, s.DiscriminatorLoss, s.GeneratorLoss, s.MeanRealScore, s.MeanFakeScore,
            s.Penalty, s.DiscriminatorGradNorm, s.GeneratorGradNorm, null)).ToList();
}

using System.Globalization;
using GanDsl.Training;
using Spectre.Console;

namespace GanDsl.Cli.Runs;

/// <summary>
/// Shows training progress: a live Spectre.Console bar (epoch, step, losses, D(x), D(G(z)), steps/s, ETA) on a terminal,
/// one plain line per logged step when the output is redirected (CI, log files).
/// </summary>
internal sealed class ProgressObserver : ITrainingObserver
{
    private readonly long _totalSteps;
    private readonly long _firstStep;
    private readonly ProgressTask? _task;
    private readonly TextWriter _plain;

    public ProgressObserver(long firstStep, long totalSteps, ProgressTask? task, TextWriter plain)
    {
        (_firstStep, _totalSteps, _task, _plain) = (firstStep, totalSteps, task, plain);
    }

    public void OnStep(StepReport r)
    {
        double rate = (r.Step - _firstStep) / Math.Max(r.ElapsedSeconds, 1e-9);
        double eta = rate > 0 ? (_totalSteps - r.Step) / rate : double.NaN;
        string line = string.Create(CultureInfo.InvariantCulture,
            $"epoch {r.Epoch} step {r.Step}/{_totalSteps}  D {r.DiscriminatorLoss:F3}  G {r.GeneratorLoss:F3}  D(x) {r.MeanRealScore:F2}  D(G(z)) {r.MeanFakeScore:F2}  {rate:F1} steps/s  ETA {Eta(eta)}");
        if (_task is null)
        {
            _plain.WriteLine(line);
            return;
        }
        _task.Description = Markup.Escape(line);
        _task.Value = r.Step;
    }

    public void OnEpoch(EpochReport r)
    {
        if (_task is null)
            _plain.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"epoch {r.Epoch} {(r.Complete ? "done" : "stopped")} at step {r.Step}: mean D loss {r.MeanDiscriminatorLoss:F3}, mean G loss {r.MeanGeneratorLoss:F3}"));
    }

    private static string Eta(double seconds) =>
        double.IsFinite(seconds) ? TimeSpan.FromSeconds(Math.Round(seconds)).ToString("c", CultureInfo.InvariantCulture) : "--";
}

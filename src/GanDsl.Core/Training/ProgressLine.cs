using System.Globalization;

namespace GanDsl.Training;

/// <summary>
/// The text of training progress, written once for every display of it (<see cref="ConsoleProgressObserver"/>, the CLI):
/// the step line with losses, mean scores, speed and time left, and the end-of-epoch line.
/// </summary>
public static class ProgressLine
{
    /// <summary>
    /// <c>epoch 2 step 900/1875  D 0.693  G 0.701  D(x) 0.50  D(G(z)) 0.49  12.3 steps/s  ETA 00:01:19</c>; the speed counts
    /// the steps taken since <paramref name="firstStep"/> (where this call started) over the report's elapsed time.
    /// </summary>
    public static string ForStep(StepReport r, long firstStep, long totalSteps)
    {
        ArgumentNullException.ThrowIfNull(r);
        double rate = StepsPerSecond(r, firstStep);
        double eta = rate > 0 ? (totalSteps - r.Step) / rate : double.NaN;
        return string.Create(CultureInfo.InvariantCulture,
            $"epoch {r.Epoch} step {r.Step}/{totalSteps}  D {r.DiscriminatorLoss:F3}  G {r.GeneratorLoss:F3}  D(x) {r.MeanRealScore:F2}  D(G(z)) {r.MeanFakeScore:F2}  {rate:F1} steps/s  ETA {Duration(eta)}");
    }

    /// <summary><c>epoch 3 done at step 1875: mean D loss 0.612, mean G loss 0.934</c> (<c>stopped</c> for a partial epoch).</summary>
    public static string ForEpoch(EpochReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return string.Create(CultureInfo.InvariantCulture,
            $"epoch {r.Epoch} {(r.Complete ? "done" : "stopped")} at step {r.Step}: mean D loss {r.MeanDiscriminatorLoss:F3}, mean G loss {r.MeanGeneratorLoss:F3}");
    }

    /// <summary><c>training 1,875 steps (625 per epoch) from step 0 on 20,000 samples of [1, 28, 28]</c>.</summary>
    public static string ForStart(TrainingStartReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        string shape = "[" + string.Join(", ", r.Data.SampleShape) + "]";
        string total = r.Length.TotalSteps == long.MaxValue ? "until stopped" : string.Create(CultureInfo.InvariantCulture, $"to step {r.Length.TotalSteps:N0}");
        return string.Create(CultureInfo.InvariantCulture,
            $"training {r.Gan.GetType().Name} {total} ({r.Length.StepsPerEpoch:N0} steps per epoch, batch {r.Config.BatchSize}) from step {r.FirstStep:N0} on {r.Data.Count:N0} samples of {shape}");
    }

    /// <summary>Steps per second since <paramref name="firstStep"/>; 0 before any time has passed.</summary>
    public static double StepsPerSecond(StepReport r, long firstStep) =>
        r.ElapsedSeconds > 0 ? (r.Step - firstStep) / r.ElapsedSeconds : 0;

    /// <summary>Whole seconds as <c>hh:mm:ss</c> (<c>d.hh:mm:ss</c> past a day), or <c>--</c> when unknown.</summary>
    public static string Duration(double seconds) =>
        double.IsFinite(seconds) && seconds >= 0 && seconds < TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromSeconds(Math.Round(seconds)).ToString("c", CultureInfo.InvariantCulture)
            : "--";
}

using System.Globalization;
using GanDsl.Imaging;
using GanDsl.Training;

namespace GanDsl.Runs;

/// <summary>
/// Writes the parts of a run folder that the loop itself does not: <c>run.json</c> when the run starts (unless the folder
/// has one), and after each epoch <c>samples/epoch-NNN.png</c> (the fixed-noise grid), <c>evolution.png</c> (an animated
/// PNG of those grids) and <c>losses.svg</c> (from <c>metrics.jsonl</c>). A resumed run rebuilds the animation from the
/// grids already on disk. <see cref="Adversarial.Train"/> adds one for its run folder by itself; create one yourself only to
/// write these pictures somewhere else.
/// </summary>
public sealed class RunFolderObserver : ITrainingObserver
{
    private readonly string _samples;

    /// <summary>An observer writing into <paramref name="runDirectory"/> (created when training starts).</summary>
    public RunFolderObserver(string runDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runDirectory);
        RunDirectory = runDirectory;
        _samples = Path.Combine(runDirectory, "samples");
    }

    /// <summary>The folder written to.</summary>
    public string RunDirectory { get; }

    /// <summary>
    /// Creates the folder and writes <c>run.json</c> (<see cref="RunInfo.Describe"/>, with the engine and device) if it has none
    /// yet. One that is there is kept, unless this call trains on another engine or device than it records (a run resumed on
    /// the other engine); then those two fields are updated.
    /// </summary>
    public void OnStart(TrainingStartReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(RunDirectory);
        if (!File.Exists(Path.Combine(RunDirectory, RunInfo.FileName)))
        {
            (RunInfo.Describe(report.Gan, report.Data) with { Engine = report.Engine, Device = report.Device }).Write(RunDirectory);
            return;
        }
        var info = RunInfo.Read(RunDirectory);
        if ((info.EngineOrDefault, info.DeviceOrDefault) != (report.Engine, report.Device))
            (info with { Engine = report.Engine, Device = report.Device }).Write(RunDirectory);
    }

    public void OnEpoch(EpochReport report)
    {
        if (report.Samples is { } samples)
        {
            Png.WriteFile(Path.Combine(_samples, SampleFileName(report.Epoch)), SampleGrid.Of(samples, columns: SampleGrid.DefaultImagesPerRow));
            WriteEvolution();
        }
        LossPlot.WriteFile(Path.Combine(RunDirectory, "losses.svg"), LossHistory.Read(Path.Combine(RunDirectory, "metrics.jsonl")));
    }

    /// <summary>The file name of an epoch's grid under <c>samples/</c>: <c>epoch-003.png</c>.</summary>
    public static string SampleFileName(int epoch) => string.Create(CultureInfo.InvariantCulture, $"epoch-{epoch:D3}.png");

    private void WriteEvolution()
    {
        var frames = Directory.GetFiles(_samples, "epoch-*.png").Order(StringComparer.Ordinal).Select(PngReader.ReadFile).ToList();
        var size = frames[^1];
        frames = frames.Where(f => f.Width == size.Width && f.Height == size.Height && f.Channels == size.Channels).ToList();
        AnimatedPng.WriteFile(Path.Combine(RunDirectory, "evolution.png"), frames, frameDelayMilliseconds: 400, lastFrameDelayMilliseconds: 2000);
    }
}

using System.Globalization;
using GanDsl.Imaging;
using GanDsl.Training;

namespace GanDsl.Cli.Runs;

/// <summary>
/// Writes the pictures of a run folder as training goes: <c>samples/epoch-NNN.png</c> (the fixed-noise grid),
/// <c>evolution.png</c> (an animated PNG of those grids) and <c>losses.svg</c> (from <c>metrics.jsonl</c>).
/// A resumed run rebuilds the animation from the grids already on disk.
/// </summary>
internal sealed class RunFolderObserver(string runDirectory, ITrainingObserver? next) : ITrainingObserver
{
    private readonly string _samples = Path.Combine(runDirectory, "samples");

    public void OnStep(StepReport report) => next?.OnStep(report);

    public void OnCheckpoint(CheckpointReport report) => next?.OnCheckpoint(report);

    public void OnEpoch(EpochReport report)
    {
        if (report.Samples is { } samples)
        {
            Directory.CreateDirectory(_samples);
            var grid = SampleGrid.Create(samples, imagesPerRow: 8, upscale: UpscaleFor(samples.Shape[samples.Rank - 1]));
            Png.WriteFile(Path.Combine(_samples, SampleFileName(report.Epoch)), grid);
            WriteEvolution();
        }
        LossPlot.WriteFile(Path.Combine(runDirectory, "losses.svg"), LossHistory.Read(Path.Combine(runDirectory, "metrics.jsonl")));
        next?.OnEpoch(report);
    }

    public static string SampleFileName(int epoch) => string.Create(CultureInfo.InvariantCulture, $"epoch-{epoch:D3}.png");

    /// <summary>Small samples (28 pixels, or 7 bits) are enlarged so the grid is readable.</summary>
    private static int UpscaleFor(int width) => width < 16 ? 8 : width < 64 ? 2 : 1;

    private void WriteEvolution()
    {
        var frames = Directory.GetFiles(_samples, "epoch-*.png").Order(StringComparer.Ordinal).Select(PngReader.ReadFile).ToList();
        var size = frames[^1];
        frames = frames.Where(f => f.Width == size.Width && f.Height == size.Height && f.Channels == size.Channels).ToList();
        AnimatedPng.WriteFile(Path.Combine(runDirectory, "evolution.png"), frames, frameDelayMilliseconds: 400, lastFrameDelayMilliseconds: 2000);
    }
}

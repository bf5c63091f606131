using GanDsl.Nn;
using GanDsl.Runs;
using GanDsl.Training.Checkpoints;
using GanDsl.Training.Engines;

namespace GanDsl.Training;

// Lives with the run folder it writes (the Runs layer), so that the loop in Training needs nothing below it; its namespace
// stays GanDsl.Training, where users look for it.

/// <summary>Trains a GAN pair with the one adversarial loop (every pair, conditional or not, every <see cref="GanLoss"/>).</summary>
public static class Adversarial
{
    /// <summary>
    /// Trains until <see cref="TrainingConfig.Epochs"/> or <see cref="TrainingConfig.MaxSteps"/> (the run's total steps) is
    /// reached or <paramref name="cancellationToken"/> fires, reporting to <paramref name="observer"/> (combine several with
    /// <see cref="TrainingObservers.Combine"/>; <see cref="ConsoleProgressObserver"/> shows progress).
    /// <para>
    /// With a <paramref name="runDirectory"/> it writes the whole run folder that every <c>gandsl</c> command reads:
    /// <c>run.json</c>, <c>config.json</c>, <c>metrics.jsonl</c>, <c>samples/epoch-NNN.png</c>, <c>evolution.png</c>,
    /// <c>losses.svg</c> and <c>checkpoints/</c> (at the configured interval and always at the end, cancellation included).
    /// The pictures and <c>run.json</c> come from a <see cref="RunFolderObserver"/> that is added for the folder unless
    /// <paramref name="observer"/> already holds one for it. With <paramref name="resume"/> it continues from that folder's
    /// latest checkpoint.
    /// </para>
    /// A NaN or infinite loss or gradient throws <see cref="TrainingDivergedException"/> and leaves the last checkpoint untouched.
    /// <para>
    /// <paramref name="engine"/> makes the engine that does the steps' tensor math (the managed one when null). The engine
    /// and its device are facts of the run, not of the recipe, so they are not in <see cref="TrainingConfig"/>: a run may be
    /// resumed on another engine with the same configuration (the checkpoint records which engine wrote it, for information).
    /// </para>
    /// </summary>
    public static TrainingRun Train(IGan gan, ITrainingData data, TrainingConfig config, ITrainingObserver? observer = null,
        string? runDirectory = null, bool resume = false, CancellationToken cancellationToken = default, ITrainingEngineFactory? engine = null) =>
        TrainingLoop.Run(gan, data, config, WithRunFolder(observer, runDirectory), runDirectory, resume, cancellationToken, engine);

    /// <summary>As above with the checkpoint store given (tests simulate a crash mid-write with it).</summary>
    internal static TrainingRun Train(IGan gan, ITrainingData data, TrainingConfig config, ITrainingObserver? observer,
        string? runDirectory, bool resume, CancellationToken cancellationToken, CheckpointStore? store, ITrainingEngineFactory? engine = null) =>
        TrainingLoop.Run(gan, data, config, WithRunFolder(observer, runDirectory), runDirectory, resume, cancellationToken, engine, store);

    private static ITrainingObserver? WithRunFolder(ITrainingObserver? observer, string? runDirectory)
    {
        if (runDirectory is null) return observer;
        string folder = Path.GetFullPath(runDirectory);
        bool present = TrainingObservers.Members(observer).OfType<RunFolderObserver>().Any(o => Path.GetFullPath(o.RunDirectory) == folder);
        return present ? observer : TrainingObservers.Combine(new RunFolderObserver(runDirectory), observer);
    }
}

using System.Diagnostics;
using System.Text.Json;
using GanDsl.IO;
using GanDsl.Nn;
using GanDsl.Training.Checkpoints;
using GanDsl.Training.Engines;

namespace GanDsl.Training;

/// <summary>
/// The one adversarial training loop for every GAN (unconditional and conditional) and every <see cref="GanLoss"/>: it steps
/// a <see cref="TrainingSession"/>, reports to the observer, logs <c>metrics.jsonl</c>, and checkpoints. The public entry is
/// <see cref="Adversarial.Train"/>, which adds the run folder's writer.
/// </summary>
internal static class TrainingLoop
{
    /// <summary>As <see cref="Adversarial.Train"/> without the implied run folder writer; <paramref name="store"/> is a test hook.</summary>
    public static TrainingRun Run(IGan gan, ITrainingData data, TrainingConfig config, ITrainingObserver? observer,
        string? runDirectory, bool resume, CancellationToken cancellationToken, ITrainingEngineFactory? engine, CheckpointStore? store = null)
    {
        if (resume && runDirectory is null)
            throw new ArgumentException("Resuming needs the run folder that holds the checkpoints; pass runDirectory.", nameof(runDirectory));
        store ??= runDirectory is null ? null : new CheckpointStore(runDirectory);
        var session = Open(gan, data, config, runDirectory, resume, store, engine);
        try
        {
            return Run(session, gan, data, config, observer, runDirectory, resume, cancellationToken, store);
        }
        catch
        {
            session.Dispose(); // the caller gets no session to release
            throw;
        }
    }

    private static TrainingRun Run(TrainingSession session, IGan gan, ITrainingData data, TrainingConfig config, ITrainingObserver? observer,
        string? runDirectory, bool resume, CancellationToken cancellationToken, CheckpointStore? store)
    {
        var progress = session.Progress;
        if (runDirectory is not null) WriteConfig(runDirectory, config);
        using var metrics = runDirectory is null ? null
            : new MetricsLog(Path.Combine(runDirectory, "metrics.jsonl"), resume ? progress.Step : long.MaxValue);
        observer?.OnStart(new TrainingStartReport(gan, data, config, progress.Length, progress.Step, runDirectory, resume)
        {
            Engine = session.Engine.Name,
            Device = session.Engine.Device,
        });

        var clock = Stopwatch.StartNew();
        long lastSaved = resume ? progress.Step : -1;
        string? lastCheckpoint = resume ? store!.Latest() : null;
        StepReport? lastReport = null;
        bool cancelled = false;

        void Save()
        {
            if (store is null || lastSaved == progress.Step) return;
            lastCheckpoint = store.Save(session.Capture());
            lastSaved = progress.Step;
            observer?.OnCheckpoint(new CheckpointReport(progress.Step, lastCheckpoint));
        }

        void ReportEpoch(int epoch, EpochLosses means, bool complete)
        {
            bool sample = !complete || epoch % config.SampleIntervalEpochs == 0 || progress.Finished;
            var report = new EpochReport(epoch, progress.Step, means.Discriminator, means.Generator, complete, clock.Elapsed.TotalSeconds,
                sample ? session.SampleFixedNoise() : null);
            metrics?.Write(report);
            observer?.OnEpoch(report);
        }

        // The evaluated weights are saved first, so an observer can score that checkpoint and keep the best one.
        void Evaluate(int epoch)
        {
            Save();
            var request = new EvaluationRequest(epoch, progress.Step, store is null ? null : lastCheckpoint, config.EvaluationSamples);
            if (observer?.OnEvaluation(request) is { } values) metrics?.WriteEvaluation(progress.Step, epoch, values);
        }

        while (!progress.Finished)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
                break;
            }
            var o = session.RunStep();
            if (o.Step % config.LogIntervalSteps == 0 || progress.Finished)
            {
                lastReport = new StepReport(o.Step, o.Epoch, o.DiscriminatorLoss, o.GeneratorLoss, o.MeanReal, o.MeanFake,
                    o.Penalty, o.DiscriminatorGradNorm, o.GeneratorGradNorm, clock.Elapsed.TotalSeconds);
                metrics?.Write(lastReport);
                observer?.OnStep(lastReport);
            }
            if (o.FinishedEpoch is { } means)
            {
                ReportEpoch(o.Epoch, means, complete: true);
                if (config.EvaluateEveryEpochs > 0 && o.Epoch % config.EvaluateEveryEpochs == 0) Evaluate(o.Epoch);
            }
            else if (progress.Finished) ReportEpoch(o.Epoch, progress.CurrentEpochMeans, complete: false);
            if (config.CheckpointIntervalSteps > 0 && o.Step % config.CheckpointIntervalSteps == 0) Save();
        }
        Save();
        // Capturing writes an engine's own weights back into the pair's nets (a checkpoint just did, when there is a store), so
        // whatever reads run.Session.G afterwards sees the trained weights on every engine.
        if (store is null) session.Engine.CaptureState();
        observer?.OnEnd(new TrainingEndReport(progress.Step, cancelled, lastCheckpoint, clock.Elapsed.TotalSeconds));
        return new TrainingRun(session, cancelled, lastCheckpoint, lastReport);
    }

    private static TrainingSession Open(IGan gan, ITrainingData data, TrainingConfig config, string? runDirectory, bool resume,
        CheckpointStore? store, ITrainingEngineFactory? engine)
    {
        if (!resume)
        {
            if (store is not null && (store.List().Count > 0 || File.Exists(Path.Combine(runDirectory!, "metrics.jsonl"))))
                throw new TrainingSetupException($"The folder {runDirectory} already holds a training run; choose an empty folder or resume that run.");
            return TrainingSession.Start(gan, data, config, engine);
        }
        var latest = store!.Latest()
            ?? throw new CheckpointException($"The folder {runDirectory} holds no checkpoint to resume from; train without resuming to start a run there.");
        return TrainingSession.Resume(gan, data, config, CheckpointStore.Load(latest), engine);
    }

    private static void WriteConfig(string runDirectory, TrainingConfig config) =>
        AtomicFile.WriteAllBytes(Path.Combine(runDirectory, "config.json"), JsonSerializer.SerializeToUtf8Bytes(config, CheckpointState.JsonOptions));
}

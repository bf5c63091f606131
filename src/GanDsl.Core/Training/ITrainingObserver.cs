using GanDsl.Nn;
using GanDsl.Tensors;

namespace GanDsl.Training;

/// <summary>
/// Receives progress events from <see cref="Adversarial.Train"/>. Every method is optional. Several observers work together
/// through <see cref="TrainingObservers.Combine"/>.
/// </summary>
public interface ITrainingObserver
{
    /// <summary>Once, before the first step of this call (after the configuration, data and nets are checked).</summary>
    void OnStart(TrainingStartReport report) { }

    /// <summary>A logged step (every <see cref="TrainingConfig.LogIntervalSteps"/> steps and the last one).</summary>
    void OnStep(StepReport report) { }

    /// <summary>The end of an epoch (or of a run that stops inside one).</summary>
    void OnEpoch(EpochReport report) { }

    /// <summary>A checkpoint folder was written and renamed into place.</summary>
    void OnCheckpoint(CheckpointReport report) { }

    /// <summary>
    /// At the end of every <see cref="TrainingConfig.EvaluateEveryEpochs"/>-th epoch, after its checkpoint is written:
    /// the metrics to log as a <c>"kind":"evaluation"</c> line of <c>metrics.jsonl</c> (null values allowed), or null for none.
    /// </summary>
    IReadOnlyList<KeyValuePair<string, double?>>? OnEvaluation(EvaluationRequest request) => null;

    /// <summary>Once, after the last step and the final checkpoint (also when cancelled; not when an exception stops training).</summary>
    void OnEnd(TrainingEndReport report) { }
}

/// <summary>What a training call is about to do.</summary>
/// <param name="Gan">The pair being trained.</param>
/// <param name="Data">The data it trains on.</param>
/// <param name="Config">The run's configuration.</param>
/// <param name="Length">The run's step arithmetic; <see cref="RunLength.TotalSteps"/> is where it ends.</param>
/// <param name="FirstStep">Steps already taken: 0 for a new run, the checkpoint's step when resuming.</param>
/// <param name="RunDirectory">The run folder, or null when training without one.</param>
/// <param name="Resumed">True when the run continues from a checkpoint.</param>
public sealed record TrainingStartReport(IGan Gan, ITrainingData Data, TrainingConfig Config, RunLength Length, long FirstStep,
    string? RunDirectory, bool Resumed)
{
    /// <summary>The engine doing the steps' tensor math (<see cref="Engines.ITrainingEngine.Name"/>: <c>managed</c>, <c>torch</c>).</summary>
    public string Engine { get; init; } = "managed";

    /// <summary>Where the engine's tensors live (<see cref="Engines.ITrainingEngine.Device"/>: <c>cpu</c>, <c>cuda:0</c>).</summary>
    public string Device { get; init; } = "cpu";
}

/// <summary>One step's numbers. Losses and mean scores are from the step's last discriminator update and its generator update.</summary>
/// <param name="Step">Steps completed in the run, this one included (1-based).</param>
/// <param name="Epoch">The epoch this step belongs to (1-based).</param>
/// <param name="MeanRealScore">Mean D(x): a probability for the cross-entropy losses, the raw critic value otherwise.</param>
/// <param name="MeanFakeScore">Mean D(G(z)) in D's update, in the same units.</param>
/// <param name="Penalty">The weighted gradient penalty and R1 terms included in <paramref name="DiscriminatorLoss"/>.</param>
public sealed record StepReport(
    long Step,
    int Epoch,
    float DiscriminatorLoss,
    float GeneratorLoss,
    float MeanRealScore,
    float MeanFakeScore,
    float Penalty,
    double DiscriminatorGradNorm,
    double GeneratorGradNorm,
    double ElapsedSeconds);

/// <summary>
/// The end of an epoch. <paramref name="Samples"/> is G's output for the run's fixed noise ([SampleCount, …], in eval mode,
/// EMA weights when enabled) at sampling epochs, null otherwise. <paramref name="Complete"/> is false for the partial epoch
/// a run ends in when MaxSteps stops it mid-epoch.
/// </summary>
public sealed record EpochReport(
    int Epoch,
    long Step,
    float MeanDiscriminatorLoss,
    float MeanGeneratorLoss,
    bool Complete,
    double ElapsedSeconds,
    Tensor? Samples);

/// <summary>How a training call ended.</summary>
/// <param name="Step">Steps completed in the run.</param>
/// <param name="Cancelled">True when the cancellation token stopped it.</param>
/// <param name="LastCheckpoint">The final checkpoint's folder, or null without a run folder.</param>
/// <param name="ElapsedSeconds">Time spent in this call.</param>
public sealed record TrainingEndReport(long Step, bool Cancelled, string? LastCheckpoint, double ElapsedSeconds);

/// <summary>A checkpoint now on disk at <paramref name="Directory"/>.</summary>
public sealed record CheckpointReport(long Step, string Directory);

/// <summary>
/// An evaluation epoch has ended. <paramref name="CheckpointDirectory"/> holds the weights at <paramref name="Step"/>
/// (null when training without a run folder); <paramref name="Samples"/> is <see cref="TrainingConfig.EvaluationSamples"/>.
/// </summary>
public sealed record EvaluationRequest(int Epoch, long Step, string? CheckpointDirectory, int Samples);

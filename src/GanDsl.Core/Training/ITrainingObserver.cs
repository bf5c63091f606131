using GanDsl.Tensors;

namespace GanDsl.Training;

/// <summary>Receives progress events from <see cref="Adversarial.Train"/>. Every method is optional.</summary>
public interface ITrainingObserver
{
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

/// <summary>A checkpoint now on disk at <paramref name="Directory"/>.</summary>
public sealed record CheckpointReport(long Step, string Directory);

/// <summary>
/// An evaluation epoch has ended. <paramref name="CheckpointDirectory"/> holds the weights at <paramref name="Step"/>
/// (null when training without a run folder); <paramref name="Samples"/> is <see cref="TrainingConfig.EvaluationSamples"/>.
/// </summary>
public sealed record EvaluationRequest(int Epoch, long Step, string? CheckpointDirectory, int Samples);

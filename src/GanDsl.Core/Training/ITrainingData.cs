namespace GanDsl.Training;

/// <summary>
/// What the adversarial loop needs from a data set: its size, one sample's shape and class count, and random access by index.
/// The loop owns the order (a per-epoch permutation derived from the seed), so a resumed run reads exactly the batches an
/// uninterrupted one would.
/// </summary>
public interface ITrainingData
{
    /// <summary>Number of samples.</summary>
    int Count { get; }

    /// <summary>One sample's shape without the batch dimension, e.g. [1, 28, 28]; must equal the networks' shapes.</summary>
    IReadOnlyList<int> SampleShape { get; }

    /// <summary>Number of classes for labelled data (conditional GANs); 0 when the data has no labels.</summary>
    int Classes { get; }

    /// <summary>
    /// Copies the samples at <paramref name="indices"/> into <paramref name="samples"/> (row-major, one sample after another,
    /// values scaled as the generator's output, e.g. [−1, 1] for Tanh) and their labels into <paramref name="labels"/>
    /// (left untouched when <see cref="Classes"/> is 0).
    /// </summary>
    void CopyBatch(ReadOnlySpan<int> indices, Span<float> samples, Span<int> labels);

    /// <summary>
    /// Where the data came from (a named dataset, a folder), recorded in the run folder's <c>run.json</c> so that the CLI
    /// can reopen it for <c>--resume</c> and <c>evaluate</c>; null (the default) for data made in code.
    /// </summary>
    DataSource? Source => null;
}

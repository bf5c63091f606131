using GanDsl.Autograd;
using GanDsl.Nn;
using GanDsl.Nn.Optimizers;
using GanDsl.Tensors;

namespace GanDsl.Evaluation;

/// <summary>How the domain classifier is trained; the seed fixes initialisation, dropout and minibatch order.</summary>
public sealed record ClassifierTrainingOptions(int Epochs = 3, int BatchSize = 64, float LearningRate = 1e-3f, ulong Seed = 20240607)
{
    /// <summary>3 epochs of batch 64 at learning rate 1e-3 (Adam), seed 20240607: what <c>gandsl evaluate</c> trains with.</summary>
    public static ClassifierTrainingOptions Default { get; } = new();

    /// <summary>Throws with one sentence per bad field.</summary>
    public void Validate()
    {
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), $"Classifier training needs at least 1 epoch but Epochs is {Epochs}.");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), $"Classifier training needs a positive batch size but BatchSize is {BatchSize}.");
        if (!(LearningRate > 0) || float.IsInfinity(LearningRate))
            throw new ArgumentOutOfRangeException(nameof(LearningRate), $"Classifier training needs a finite positive learning rate but LearningRate is {LearningRate}.");
    }
}

/// <summary>Progress of classifier training, reported after every minibatch.</summary>
public readonly record struct ClassifierTrainingProgress(int Epoch, int Epochs, int Step, int StepsPerEpoch, double Loss);

/// <summary>
/// Trains a <see cref="DomainClassifier"/> with Adam on labelled images, the learning rate following a cosine from
/// <see cref="ClassifierTrainingOptions.LearningRate"/> down to 0 over all steps; deterministic for a fixed seed.
/// </summary>
public static class ClassifierTraining
{
    /// <summary>
    /// Names the training recipe in saved weights, so weights trained by an older recipe are retrained rather than
    /// trusted. Version 2 added the cosine decay; with it and batch norm the classifier clears 92% on Fashion-MNIST.
    /// </summary>
    public const string Recipe = "adam-cosine-v2";

    /// <summary>The learning rate of step <paramref name="step"/> (0-based) of <paramref name="totalSteps"/>: lr·(1 + cos(π·step/total))/2.</summary>
    public static float CosineLearningRate(float initial, long step, long totalSteps) =>
        (float)(initial * 0.5 * (1 + Math.Cos(Math.PI * step / totalSteps)));

    /// <summary>
    /// A new classifier trained on <paramref name="images"/> ([N, 1, 28, 28] in [−1, 1]) and <paramref name="labels"/>.
    /// The last minibatch of an epoch may be smaller; <paramref name="progress"/> is called after each step.
    /// </summary>
    public static DomainClassifier Train(float[] images, int[] labels, ClassifierTrainingOptions? options = null,
        ClassifierArchitecture? architecture = null, Action<ClassifierTrainingProgress>? progress = null)
    {
        options ??= ClassifierTrainingOptions.Default;
        options.Validate();
        int n = DomainClassifier.ImageCount(images);
        if (labels.Length != n)
            throw new ArgumentException($"Classifier training needs one label per image but got {labels.Length} labels for {n} images.", nameof(labels));
        if (n == 0) throw new ArgumentException("Classifier training needs at least one image; pass a non-empty training split.", nameof(images));

        var classifier = new DomainClassifier(options.Seed, architecture);
        ClassHistogram.Counts(labels, classifier.Classes); // rejects out-of-range labels before any work
        var optimizer = new Adam(classifier.Network.Parameters(), options.LearningRate);
        var order = Enumerable.Range(0, n).ToArray();
        var shuffle = new Rng(options.Seed ^ 0x5DEECE66DUL); // a stream apart from the initialisation's
        int steps = (n + options.BatchSize - 1) / options.BatchSize;
        long totalSteps = (long)steps * options.Epochs, done = 0;

        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            shuffle.Shuffle(order);
            for (int step = 0; step < steps; step++)
            {
                int start = step * options.BatchSize, count = Math.Min(options.BatchSize, n - start);
                var (batch, batchLabels) = Gather(images, labels, order.AsSpan(start, count));
                optimizer.LearningRate = CosineLearningRate(options.LearningRate, done++, totalSteps);
                optimizer.ZeroGrad();
                var loss = SoftmaxCrossEntropy.Loss(classifier.TrainingLogits(batch), batchLabels);
                Engine.Backward(loss);
                optimizer.Step();
                float value = loss.Item();
                if (!float.IsFinite(value))
                    throw new InvalidOperationException($"Classifier training diverged (loss {value}) at epoch {epoch}, step {step + 1}; lower the learning rate.");
                progress?.Invoke(new ClassifierTrainingProgress(epoch, options.Epochs, step + 1, steps, value));
            }
        }
        classifier.Network.Eval();
        return classifier;
    }

    private static (Tensor Batch, int[] Labels) Gather(float[] images, int[] labels, ReadOnlySpan<int> indices)
    {
        const int size = DomainClassifier.ImageSize;
        var data = new float[indices.Length * size];
        var batchLabels = new int[indices.Length];
        for (int i = 0; i < indices.Length; i++)
        {
            Array.Copy(images, indices[i] * size, data, i * size, size);
            batchLabels[i] = labels[indices[i]];
        }
        return (Tensor.FromArray(data, indices.Length, 1, 28, 28), batchLabels);
    }
}

namespace GanDsl.Evaluation;

/// <summary>The classifier in use and how it was obtained (<see cref="Trained"/> is false when cached weights were loaded).</summary>
public sealed record CachedClassifier(DomainClassifier Classifier, bool Trained, string Message);

/// <summary>Loads a classifier from verified cached weights, or trains and caches one when they are missing or invalid.</summary>
public static class ClassifierCache
{
    /// <summary>
    /// The classifier at <paramref name="weightsPath"/> if its hash and architecture check out; otherwise one trained on
    /// <paramref name="trainingSet"/> (called only then, so the data is read only when needed) and saved there.
    /// </summary>
    public static CachedClassifier LoadOrTrain(string weightsPath, Func<(float[] Images, int[] Labels)> trainingSet,
        ClassifierTrainingOptions? options = null, ClassifierArchitecture? architecture = null,
        Action<ClassifierTrainingProgress>? progress = null)
    {
        var loaded = ClassifierWeights.TryLoad(weightsPath, architecture);
        if (loaded.Classifier is { } cached) return new CachedClassifier(cached, false, loaded.Message);
        var (images, labels) = trainingSet();
        var classifier = ClassifierTraining.Train(images, labels, options, architecture, progress);
        ClassifierWeights.Save(classifier, weightsPath);
        return new CachedClassifier(classifier, true, loaded.Message);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GanDsl.Data;
using GanDsl.Evaluation;

namespace GanDsl.Cli.Evaluation;

/// <summary>
/// What scoring images of one dataset needs: the domain classifier (loaded from the cache, or trained on the training split
/// on first use and cached) and the classifier's outputs on the test split, computed once.
/// </summary>
internal sealed class EvaluationContext
{
    private EvaluationContext(DatasetInfo info, DomainClassifier classifier, ClassifierOutputs reference)
    {
        (Info, Classifier, Reference) = (info, classifier, reference);
    }

    public DatasetInfo Info { get; }
    public DomainClassifier Classifier { get; }
    public ClassifierOutputs Reference { get; }

    /// <summary>
    /// Opens <paramref name="datasetName"/> from the standard places, or only from <paramref name="directory"/> when given;
    /// <paramref name="log"/> receives what happens to the classifier (stderr, so <c>--json</c> output stays clean).
    /// </summary>
    public static EvaluationContext Open(string datasetName, string? directory, Action<string> log)
    {
        if (!DatasetCatalog.TryGet(datasetName, out var info))
            throw new UserError($"Unknown dataset '{datasetName}'; image quality can be measured for {string.Join(" and ", DatasetCatalog.Names)}.");
        if (info.Channels != 1 || info.Height != 28 || info.Width != 28)
            throw new UserError($"The domain classifier scores 28x28 grayscale images, but {info.Name} holds {info.Channels}x{info.Height}x{info.Width}.");
        var options = DatasetResolverOptions.FromEnvironment() with { Log = log, Directory = directory };
        var resolver = new DatasetResolver(options);
        var test = resolver.Load(info, DatasetSplit.Test); // first, so a missing dataset fails before any training
        var settings = ClassifierSettings.FromEnvironment(info.Classes);
        string path = Path.Combine(options.CacheDirectory, "classifiers", CacheKey(info, directory) + ".safetensors");

        var loaded = ClassifierWeights.TryLoad(path, settings.Architecture);
        DomainClassifier classifier;
        if (loaded.Classifier is { } cached) classifier = cached;
        else
        {
            if (loaded.Status != WeightsStatus.Missing) log(loaded.Message);
            var train = resolver.Load(info, DatasetSplit.Train);
            var clock = Stopwatch.StartNew();
            classifier = ClassifierProgressDisplay.Run($"Training the {info.Name} classifier (first use; it is cached afterwards)", log,
                progress => ClassifierTraining.Train(train.Images, train.Labels, settings.Options, settings.Architecture, progress));
            double seconds = clock.Elapsed.TotalSeconds;
            ClassifierWeights.Save(classifier, path);
            double accuracy = classifier.Accuracy(test.Images, test.Labels);
            log(string.Create(CultureInfo.InvariantCulture,
                $"Trained the {info.Name} classifier in {seconds:F0} s ({settings.Options.Epochs} epochs on {train.Count} images): test accuracy {100 * accuracy:F2}%; cached at {path}."));
        }
        return new EvaluationContext(info, classifier, classifier.Embed(test.Images));
    }

    /// <summary>Scores generated images ([N, 1, 28, 28] in [−1, 1]) against the test split; deterministic for a fixed seed.</summary>
    public QualityReport Score(float[] images, int[]? requestedLabels = null, ulong seed = 0) =>
        QualityEvaluator.Score(Classifier.Embed(images), Reference, requestedLabels, seed);

    /// <summary>A named dataset has one classifier; one read from a folder of its own gets another, so neither replaces the other.</summary>
    private static string CacheKey(DatasetInfo info, string? directory)
    {
        if (directory is null) return info.Name;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(directory)));
        return info.Name + "-" + Convert.ToHexStringLower(hash)[..12];
    }
}

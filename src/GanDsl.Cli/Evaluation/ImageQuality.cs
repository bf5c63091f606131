using System.Globalization;
using GanDsl.Cli.Models;
using GanDsl.Cli.Runs;
using GanDsl.Data;
using GanDsl.Evaluation;
using GanDsl.Nn;
using GanDsl.Runs;
using GanDsl.Training;

namespace GanDsl.Cli.Evaluation;

/// <summary>The two things <c>gandsl evaluate</c> scores: a run's generator, and an IDX file of images from anywhere.</summary>
internal static class ImageQuality
{
    /// <summary>Seed of the noise drawn for a run's samples, and of KID's subsets: fixed, so a score is reproducible.</summary>
    public const ulong Seed = 0;

    /// <summary>
    /// <paramref name="samples"/> images from the run's latest generator (labels cycling over the classes for a conditional
    /// model, which adds <c>conditional_accuracy</c>), scored against the test split of the dataset the run trained on; from
    /// noise truncated to ±<paramref name="truncation"/> when given.
    /// </summary>
    public static QualityReport OfRun(TrainedRun run, int samples, Action<string> log, float? truncation = null)
    {
        CheckScorable(run.Model, run.Generator, run.Info);
        return OfRun(run, samples, EvaluationContext.Open(run.Info.Dataset, run.Info.DatasetDirectory, log), truncation);
    }

    /// <summary>
    /// Refuses, before any work, a run whose samples the domain classifiers cannot score: samples that are not 28x28 gray
    /// images, or data with no classifier (an image folder, data made in code).
    /// </summary>
    public static void CheckScorable(ServedModel model, GeneratorModule generator, RunInfo info)
    {
        // The data first when it is the user's own (pictures, data made in code): no net shape could make it scorable.
        bool own = info.Dataset is DataSource.ImageFolder or DataSource.InCode;
        var shape = generator.OutputShape;
        if (!own && !shape.SequenceEqual([1, 28, 28]))
            throw new UserError($"{model.Name} generates [{string.Join(", ", shape)}] samples, but quality metrics need 28x28 grayscale images [1, 28, 28].");
        if (!DatasetCatalog.TryGet(info.Dataset, out _))
            throw new UserError($"{model.Name} trained on {DataName(info)}, for which gandsl has no classifier: quality metrics score runs on {string.Join(" or ", DatasetCatalog.Names)} (or a folder of their IDX files); look at this run's samples with 'gandsl sample RUN_DIR --out grid.png' instead.");
    }

    private static string DataName(RunInfo info) => info.Dataset switch
    {
        DataSource.ImageFolder => $"the image folder {info.DatasetDirectory}",
        DataSource.InCode => "data made in code",
        var name => $"'{name}'",
    };

    /// <summary>As above with the classifier and test-split outputs already at hand (training-time evaluation).</summary>
    public static QualityReport OfRun(TrainedRun run, int samples, EvaluationContext context, float? truncation = null)
    {
        int classes = run.Generator.Classes;
        if (classes > context.Info.Classes)
            throw new UserError($"{run.Model.Name} generates {classes} classes but {context.Info.Name} has {context.Info.Classes}; its conditional accuracy cannot be measured.");
        int[]? labels = classes > 0 ? Enumerable.Range(0, samples).Select(i => i % classes).ToArray() : null;
        var images = run.Sample(samples, Seed, labels, truncation);
        ClampToPixels(images.Data);
        return context.Score(images.Data, labels, Seed) with { Truncation = truncation };
    }

    /// <summary>
    /// Limits samples to [-1, 1], the values a pixel can show (0 and 255), in place. A generator without a bounded last layer
    /// (lightning-cnn's, which learns normalised data) can draw values far outside; an image of them, a PNG grid or an IDX
    /// file such as a PyTorch twin writes, shows them clipped, and they are scored as such, so a run and its images score alike.
    /// </summary>
    internal static void ClampToPixels(Span<float> samples)
    {
        for (int i = 0; i < samples.Length; i++) samples[i] = Math.Clamp(samples[i], -1f, 1f);
    }

    /// <summary>
    /// Every image of an IDX file (u8, 28x28; [0, 255] mapped to [−1, 1] as the datasets are) scored against
    /// <paramref name="dataset"/>'s test split; with <paramref name="labelsPath"/>, an IDX label file of the class asked of
    /// each image, the conditional accuracy too.
    /// </summary>
    public static QualityReport OfImages(string path, string? labelsPath, string dataset, string? datasetDirectory, Action<string> log)
    {
        var idx = IdxReader.ReadImages(path);
        int[]? requested = labelsPath is null ? null : RequestedLabels(labelsPath, idx.Count, path, dataset);
        if (idx.Height != 28 || idx.Width != 28)
            throw new UserError(string.Create(CultureInfo.InvariantCulture,
                $"{path} holds images of {idx.Height}x{idx.Width}, but quality metrics need 28x28 images; resize them to 28x28 first."));
        if (idx.Count < 2)
            throw new UserError($"{path} holds {idx.Count} image, but the metrics need at least 2; write more samples into it.");
        var images = new float[idx.Pixels.Length];
        Dataset.Scale(idx.Pixels, images);
        var context = EvaluationContext.Open(dataset, datasetDirectory, log);
        return context.Score(images, requested, Seed);
    }

    private static int[] RequestedLabels(string labelsPath, int images, string imagesPath, string dataset)
    {
        var labels = IdxReader.ReadLabels(labelsPath);
        if (labels.Length != images)
            throw new UserError($"{labelsPath} holds {labels.Length} labels but {imagesPath} holds {images} images; write one label per image, in the images' order.");
        if (DatasetCatalog.TryGet(dataset, out var info) && labels.FirstOrDefault(l => l >= info.Classes) is var bad && bad >= info.Classes)
            throw new UserError($"{labelsPath} asks for class {bad}, but {info.Name} has classes 0 to {info.Classes - 1}; write labels in that range.");
        return labels.Select(l => (int)l).ToArray();
    }
}

using GanDsl.Cli.Models;
using GanDsl.Data;
using GanDsl.Images;
using GanDsl.Nn;
using GanDsl.Runs;
using GanDsl.Training;

namespace GanDsl.Cli.Runs;

/// <summary>
/// Turns <c>--dataset NAME|DIR</c> (or a reference model's own dataset) into the data the loop trains on: an IDX dataset's
/// name is resolved from the standard places (downloading if needed), an image set's name (<c>emoji</c>) from its standard
/// folders, a folder holding IDX files (<c>*-ubyte[.gz]</c>) is read with their standard names, and any other folder is read
/// as images converted to the net's input shape.
/// </summary>
internal static class TrainingDataSource
{
    /// <param name="imageOptions">The request's image options over a default background (an image set's own, else black).</param>
    public static ITrainingData Open(ServedModel model, IGan gan, string? datasetArgument, Func<BackgroundColor, ImageFolderOptions> imageOptions, Action<string> log)
    {
        if (model.GeneratedData is { } generate)
        {
            if (datasetArgument is not null && datasetArgument != model.DefaultDataset)
                throw new UserError($"The {model.Name} model trains on data generated in code; drop --dataset {datasetArgument}.");
            return generate();
        }
        var options = DatasetResolverOptions.FromEnvironment() with { Log = log };
        var name = datasetArgument ?? model.DefaultDataset
            ?? throw new UserError($"{model.Name} is a pair of your own, so it has no dataset of its own; pass --dataset with a dataset name ({Names}), a folder of IDX files or a folder of images.");
        if (DatasetCatalog.TryGet(name, out _)) return new DatasetResolver(options).Load(name);
        if (ImageDatasetCatalog.TryGet(name, out var set))
            return new ImageDatasetResolver(options).Load(set, gan.Discriminator.InputShape, imageOptions(set.Background), log);
        if (!Directory.Exists(name))
            throw new UserError($"--dataset {name} is neither a dataset name ({Names}) nor an existing folder.");
        var folder = Path.GetFullPath(name);
        if (ImageFolder.LooksLikeImageFolder(folder)) return ImageFolder.Load(folder, gan.Discriminator.InputShape, imageOptions(BackgroundColor.Black), log);
        return new DatasetResolver(options with { Directory = folder }).Load(IdxLayout(model));
    }

    /// <summary>The data of an existing run, as its run.json records it.</summary>
    public static ITrainingData Reopen(ServedModel model, IGan gan, RunInfo info, string runDirectory, Action<string> log)
    {
        if (model.GeneratedData is { } generate && info.Dataset == model.DefaultDataset) return generate();
        if (info.Dataset == DataSource.ImageFolder)
        {
            var folder = info.DatasetDirectory ?? throw new UserError($"{Path.Combine(runDirectory, RunInfo.FileName)} names an image folder but not where it is; fix run.json or start a new run.");
            var options = ImageFolderOptions.FromSettings(info.Images ?? new ImageFolderSettings(), folder);
            return ImageFolder.Load(folder, gan.Discriminator.InputShape, options, log);
        }
        if (!DatasetCatalog.TryGet(info.Dataset, out _))
            throw new UserError($"The run in {runDirectory} trained on data made in code by the program that trained it ({info.Dataset}), which gandsl cannot make again; resume it from that program with Adversarial.Train(..., resume: true).");
        var resolverOptions = DatasetResolverOptions.FromEnvironment() with { Log = log, Directory = info.DatasetDirectory };
        return new DatasetResolver(resolverOptions).Load(info.Dataset);
    }

    /// <summary>The dataset names --dataset takes, for messages.</summary>
    private static string Names => string.Join(", ", DatasetCatalog.Names.Concat(ImageDatasetCatalog.Names));

    /// <summary>
    /// The dataset whose file names a folder of IDX files is read with: a reference model's own, else Fashion-MNIST's
    /// (MNIST's files have the same names and shapes, so either reads the same folder).
    /// </summary>
    private static string IdxLayout(ServedModel model) => model.DefaultDataset is { } own && DatasetCatalog.TryGet(own, out _) ? own : DatasetCatalog.FashionMnist.Name;
}

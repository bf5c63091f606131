using GanDsl.Data;
using GanDsl.Models;
using GanDsl.Training;

namespace GanDsl.Cli.Runs;

/// <summary>Turns <c>--dataset NAME|DIR</c> (or the model's default) into the data the loop trains on.</summary>
internal static class TrainingDataSource
{
    /// <summary>
    /// A known dataset name is resolved from the standard places (downloading if needed); anything else must be a folder
    /// holding the model's dataset files in IDX format.
    /// </summary>
    public static (ITrainingData Data, string Dataset, string? Directory) Open(ReferenceModel model, string? datasetArgument, Action<string> log)
    {
        if (model.GeneratedData is { } generate)
        {
            if (datasetArgument is not null && datasetArgument != model.Dataset)
                throw new UserError($"The {model.Name} model trains on data generated in code; drop --dataset {datasetArgument}.");
            return (generate(), model.Dataset, null);
        }
        var options = DatasetResolverOptions.FromEnvironment() with { Log = log };
        if (datasetArgument is null || DatasetCatalog.TryGet(datasetArgument, out _))
        {
            var name = datasetArgument ?? model.Dataset;
            return (new DatasetResolver(options).Load(name), name, null);
        }
        if (!Directory.Exists(datasetArgument))
            throw new UserError($"--dataset {datasetArgument} is neither a dataset name ({string.Join(", ", DatasetCatalog.Names)}) nor an existing folder.");
        var folder = Path.GetFullPath(datasetArgument);
        return (new DatasetResolver(options with { Directory = folder }).Load(model.Dataset), model.Dataset, folder);
    }

    /// <summary>The data of an existing run, as recorded in its run.json.</summary>
    public static ITrainingData Reopen(ReferenceModel model, RunInfo info, Action<string> log)
    {
        if (model.GeneratedData is { } generate && info.Dataset == model.Dataset) return generate();
        var options = DatasetResolverOptions.FromEnvironment() with { Log = log, Directory = info.DatasetDirectory };
        return new DatasetResolver(options).Load(info.Dataset);
    }
}

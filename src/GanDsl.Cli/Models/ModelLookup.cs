using GanDsl.Models;
using GanDsl.Runs;
using GanDsl.Training.Checkpoints;

namespace GanDsl.Cli.Models;

/// <summary>Finds the model a command names, or the one a run folder trained, with one sentence when there is none.</summary>
internal static class ModelLookup
{
    /// <summary>
    /// A reference model by name, or with <paramref name="fromAssembly"/> a pair of that assembly by class name (any case)
    /// or full name.
    /// </summary>
    public static ServedModel Find(string name, string? fromAssembly)
    {
        if (fromAssembly is not null) return ServedModel.FromAssembly(fromAssembly, name);
        return ModelCatalog.Find(name) is { } reference ? ServedModel.Of(reference) : throw new UserError(Unknown(name));
    }

    /// <summary>The one sentence for a name that is no model, shared by every command that takes one.</summary>
    public static string Unknown(string name) =>
        $"Unknown model '{name}'; run 'gandsl models' to list them ({string.Join(", ", ModelCatalog.All.Select(m => m.Name))}), or pass --from MyApp.dll to train a GAN pair declared in your own project.";

    /// <summary>The model the run in <paramref name="runDirectory"/> trained, as its run.json records it.</summary>
    public static ServedModel ForRun(RunInfo info, string runDirectory)
    {
        if (info.Assembly is { } assembly)
        {
            if (!File.Exists(assembly))
                throw new UserError($"The run in {runDirectory} trained {info.Model} from {assembly}, which is not there any more; build that project again (dotnet build -c Release) so the file is back.");
            return ServedModel.FromAssembly(assembly, info.Pair ?? info.Model);
        }
        if (ModelCatalog.Find(info.Model) is { } reference) return ServedModel.Of(reference);
        if (info.Pair is null)
            throw new UserError($"The run in {runDirectory} trained {info.Model}, a pair built at run time (e.g. with LayerStack), which gandsl cannot rebuild from run.json; load its generator in your program with RunFolder.Open(...).LoadInto(generator).");
        throw new UserError($"The run in {runDirectory} trained '{info.Model}', which this version of gandsl does not know.");
    }

    /// <summary>
    /// The model that saved <paramref name="checkpoint"/>: <paramref name="model"/>, or, when the checkpoint's discriminator
    /// weights are those of one of its former designs (<see cref="ReferenceModel.FormerDesigns"/>), the catalog model that
    /// keeps that design, so a run saved before the change resumes as what it was.
    /// </summary>
    public static ServedModel AsSaved(ServedModel model, Checkpoint checkpoint, Action<string> log)
    {
        if (model.AssemblyPath is not null || ModelCatalog.Find(model.Name) is not { FormerDesigns.Count: > 0 } reference) return model;
        var saved = checkpoint.Discriminator.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        if (HoldsDiscriminatorOf(reference, saved)) return model;
        foreach (var name in reference.FormerDesigns)
        {
            var former = ModelCatalog.Get(name);
            if (!HoldsDiscriminatorOf(former, saved)) continue;
            log($"This run was saved by {reference.Name}'s former design, which is called {former.Name} now; it resumes as {former.Name}.");
            return ServedModel.Of(former);
        }
        return model;
    }

    private static bool HoldsDiscriminatorOf(ReferenceModel model, HashSet<string> savedNames) =>
        savedNames.SetEquals(model.Create(0).Discriminator.StateDict().Select(entry => entry.Name));
}

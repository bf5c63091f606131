using GanDsl.Data;
using GanDsl.Nn;
using GanDsl.Runs;
using GanDsl.Training;
using GanDsl.Training.Checkpoints;

namespace GanDsl.Cli;

/// <summary>The exceptions that are the user's to fix: printed as their one-sentence message, never as a stack trace.</summary>
internal static class UserErrors
{
    public static string? Describe(Exception e) => e switch
    {
        UserError or DatasetException or CheckpointException or TrainingSetupException or TrainingDivergedException or ShapeMismatchException
            or RunFolderException or PairAssemblyException or GanDsl.TorchSharp.TorchSetupException => e.Message,
        TrainingConfigException config => string.Join(" ", config.Errors),
        UnauthorizedAccessException or IOException => $"A file could not be read or written: {e.Message}",
        _ => null,
    };
}

using GanDsl.Images;
using GanDsl.Training;

namespace GanDsl.Cli.Commands;

/// <summary>The options of one <c>gandsl train</c> call, as given (null where omitted).</summary>
internal sealed record TrainRequest(string? Model, string? Dataset, int? Epochs, int? BatchSize, ulong? Seed, string? Out, string? Resume,
    long? MaxSteps, int? EvaluateEvery, int? EvaluationSamples)
{
    /// <summary>The assembly declaring the model (<c>--from MyApp.dll</c>); null for a reference model.</summary>
    public string? From { get; init; }

    /// <summary>Steps between checkpoints (<c>--checkpoint-every</c>); null keeps the model's or the run's.</summary>
    public int? CheckpointEvery { get; init; }

    /// <summary><c>--engine managed|torch</c>; null keeps a resumed run's engine (managed for a new run).</summary>
    public string? Engine { get; init; }

    /// <summary><c>--device cpu|cuda|cuda:N</c>; null keeps a resumed run's device (cpu for a new run).</summary>
    public string? Device { get; init; }

    /// <summary><c>--threads N</c>: the kernels' thread count; null uses every core.</summary>
    public int? Threads { get; init; }

    /// <summary><c>--skip-undecodable</c>: an image folder's undecodable files are skipped instead of refused.</summary>
    public bool SkipUndecodable { get; init; }

    /// <summary><c>--allow-upscaling</c>: images smaller than the net's input are enlarged instead of refused.</summary>
    public bool AllowUpscaling { get; init; }

    /// <summary><c>--background black|white|#RRGGBB</c>: what transparent pixels are composited on.</summary>
    public string? Background { get; init; }

    /// <summary>True when any image-folder option was given.</summary>
    public bool HasImageOptions => SkipUndecodable || AllowUpscaling || Background is not null;

    /// <summary>The options that both a new run and a resumed one may set: evaluation and the checkpoint interval.</summary>
    public TrainingConfig WithEvaluation(TrainingConfig config) => config with
    {
        EvaluateEveryEpochs = EvaluateEvery ?? config.EvaluateEveryEpochs,
        EvaluationSamples = EvaluationSamples ?? config.EvaluationSamples,
        CheckpointIntervalSteps = CheckpointEvery ?? config.CheckpointIntervalSteps,
    };

    /// <summary>How an image folder given as --dataset is read; <paramref name="defaultBackground"/> unless --background says otherwise.</summary>
    public ImageFolderOptions ImageOptions(BackgroundColor defaultBackground)
    {
        var background = defaultBackground;
        if (Background is { } text && !BackgroundColor.TryParse(text, out background))
            throw new UserError($"--background must be black, white or a colour like #808080 but is '{text}'.");
        return new ImageFolderOptions { SkipUndecodable = SkipUndecodable, AllowUpscaling = AllowUpscaling, Background = background };
    }
}

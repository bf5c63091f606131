namespace GanDsl.Training;

/// <summary>
/// Where training data came from, as a run folder's <c>run.json</c> records it, so that the run can be resumed, sampled and
/// evaluated from its folder alone (<see cref="ITrainingData.Source"/>).
/// </summary>
/// <param name="Dataset">
/// A dataset name (<c>mnist</c>, <c>fashion-mnist</c>), <see cref="ImageFolder"/> for a folder of pictures, or another name
/// for data the program makes itself (which only that program can make again).
/// </param>
/// <param name="Directory">The folder the files were read from; null for a named dataset found in the standard places.</param>
public sealed record DataSource(string Dataset, string? Directory = null)
{
    /// <summary>The <see cref="Dataset"/> of a folder of PNG, JPEG, BMP, GIF or WebP files (GanDsl.Images).</summary>
    public const string ImageFolder = "image-folder";

    /// <summary>The <see cref="Dataset"/> recorded for data that does not say where it came from (made in code).</summary>
    public const string InCode = "in-code";

    /// <summary>How an image folder's files were turned into samples; null for other data.</summary>
    public ImageFolderSettings? Images { get; init; }
}

/// <summary>
/// The options an image folder was read with (GanDsl.Images' <c>ImageFolderOptions</c>, as plain values), so that reopening
/// it gives the same samples.
/// </summary>
/// <param name="SkipUndecodable">Files that cannot be decoded were skipped instead of refused.</param>
/// <param name="AllowUpscaling">Images smaller than the net's input were enlarged.</param>
/// <param name="Background">The colour transparent pixels were composited on, as <c>#RRGGBB</c>.</param>
/// <param name="LabelsFromSubfolders">First-level subfolders were the classes.</param>
/// <param name="Range">The value range of a batch: <c>MinusOneToOne</c> or <c>ZeroToOne</c>.</param>
public sealed record ImageFolderSettings(bool SkipUndecodable = false, bool AllowUpscaling = false, string Background = "#000000",
    bool LabelsFromSubfolders = true, string Range = "MinusOneToOne");

namespace GanDsl.Data;

/// <summary>
/// What GanDsl knows about a named dataset: its shape, its classes, its official files and where those are
/// usually found (a Debian package folder, torchvision's folder name) or downloaded from (mirrors, in order).
/// </summary>
public sealed record DatasetInfo(
    string Name,
    int Channels,
    int Height,
    int Width,
    IReadOnlyList<string> ClassNames,
    int TrainCount,
    int TestCount,
    DatasetFile TrainImages,
    DatasetFile TrainLabels,
    DatasetFile TestImages,
    DatasetFile TestLabels,
    IReadOnlyList<string> Mirrors,
    string TorchvisionFolder,
    string? DebianPackage,
    string? DebianFolder)
{
    /// <summary>Number of classes (the length of <see cref="ClassNames"/>).</summary>
    public int Classes => ClassNames.Count;

    /// <summary>The official images file of <paramref name="split"/>.</summary>
    public DatasetFile Images(DatasetSplit split) => split == DatasetSplit.Train ? TrainImages : TestImages;

    /// <summary>The official labels file of <paramref name="split"/>.</summary>
    public DatasetFile Labels(DatasetSplit split) => split == DatasetSplit.Train ? TrainLabels : TestLabels;

    /// <summary>Images in <paramref name="split"/>.</summary>
    public int Count(DatasetSplit split) => split == DatasetSplit.Train ? TrainCount : TestCount;
}

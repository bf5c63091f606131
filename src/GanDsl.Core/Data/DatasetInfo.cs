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
    public int Classes => ClassNames.Count;

    public DatasetFile Images(DatasetSplit split) => split == DatasetSplit.Train ? TrainImages : TestImages;

    public DatasetFile Labels(DatasetSplit split) => split == DatasetSplit.Train ? TrainLabels : TestLabels;

    public int Count(DatasetSplit split) => split == DatasetSplit.Train ? TrainCount : TestCount;
}

namespace GanDsl.Data;

/// <summary>Where a dataset's files were found.</summary>
public enum DatasetSource
{
    /// <summary>The folder given with <c>--dataset DIR</c>.</summary>
    Explicit,
    /// <summary>A Debian package's folder, e.g. <c>/usr/share/datasets/fashion-mnist</c>.</summary>
    Debian,
    /// <summary>torchvision's layout <c>~/datasets/&lt;Folder&gt;/raw</c>.</summary>
    Torchvision,
    /// <summary>GanDsl's cache, from an earlier download.</summary>
    Cache,
    /// <summary>Downloaded into the cache just now.</summary>
    Downloaded,
}

/// <summary>The image and label files of one split of a dataset, and where they came from.</summary>
public sealed record ResolvedDataset(DatasetInfo Info, DatasetSplit Split, string ImagesPath, string LabelsPath, DatasetSource Source);

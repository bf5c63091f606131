namespace GanDsl.Data;

/// <summary>
/// One official file of a dataset: its name, its size and its digests. <see cref="Sha256"/> is always checked
/// after a download; <see cref="Md5"/>, where known, is checked too (it is the digest torchvision publishes).
/// </summary>
public sealed record DatasetFile(string FileName, long Size, string Sha256, string? Md5 = null)
{
    /// <summary>The name without ".gz": torchvision keeps both the archive and the extracted file.</summary>
    public string RawFileName => FileName.EndsWith(".gz", StringComparison.Ordinal) ? FileName[..^3] : FileName;
}

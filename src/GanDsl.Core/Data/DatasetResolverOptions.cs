namespace GanDsl.Data;

/// <summary>
/// Where <see cref="DatasetResolver"/> looks for dataset files and how it downloads them. Every location is a
/// value here, so tests (and users with unusual layouts) never depend on the real home folder.
/// </summary>
public sealed record DatasetResolverOptions
{
    /// <summary>An explicit folder (<c>--dataset DIR</c>): when set it is the only place looked at.</summary>
    public string? Directory { get; init; }

    /// <summary>Roots holding Debian's dataset packages (<c>/usr/share/datasets/&lt;folder&gt;</c>).</summary>
    public IReadOnlyList<string> DebianRoots { get; init; } = ["/usr/share/datasets"];

    /// <summary>The home folder for torchvision's layout <c>~/datasets/&lt;Folder&gt;/raw</c>; null skips it.</summary>
    public string? HomeDirectory { get; init; }

    /// <summary>GanDsl's cache; datasets live in <c>datasets/&lt;name&gt;</c> under it and downloads land there.</summary>
    public required string CacheDirectory { get; init; }

    /// <summary>Base URLs tried in order instead of the dataset's official mirrors (tests, private mirrors).</summary>
    public IReadOnlyList<string>? Mirrors { get; init; }

    /// <summary>Whether a dataset found nowhere may be downloaded into the cache.</summary>
    public bool AllowDownload { get; init; } = true;

    /// <summary>The client used for downloads; null creates one with <see cref="DownloadTimeout"/>.</summary>
    public HttpClient? HttpClient { get; init; }

    /// <summary>How long one file's download may take when the resolver makes its own client (10 minutes by default).</summary>
    public TimeSpan DownloadTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Receives one line per download started, for a CLI to show.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>
    /// The standard options: the cache is <c>$GANDSL_CACHE</c>, else <c>~/.cache/gandsl</c>; the home folder is
    /// the user's profile folder.
    /// </summary>
    public static DatasetResolverOptions FromEnvironment()
    {
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string? cache = Environment.GetEnvironmentVariable("GANDSL_CACHE");
        if (string.IsNullOrWhiteSpace(cache)) cache = Path.Combine(home, ".cache", "gandsl");
        return new DatasetResolverOptions
        {
            HomeDirectory = string.IsNullOrEmpty(home) ? null : home,
            CacheDirectory = cache,
        };
    }

    /// <summary>The cache folder of one dataset.</summary>
    public string CacheFolder(DatasetInfo info) => Path.Combine(CacheDirectory, "datasets", info.Name);
}

namespace GanDsl.Images.Tests.Support;

/// <summary>
/// A throw-away folder per test with an image folder (<see cref="Images"/>) and its own cache (<see cref="Cache"/>), so
/// tests never touch the user's cache and can check that nothing was written.
/// </summary>
internal sealed class Scratch : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("gandsl-images-").FullName;

    public Scratch() => Directory.CreateDirectory(Images);

    public string Images => Path.Combine(_root, "photos");

    public string Cache => Path.Combine(_root, "cache");

    /// <summary>Options that use this scratch folder's cache.</summary>
    public ImageFolderOptions Options => new() { CacheDirectory = Cache };

    /// <summary>Writes <paramref name="bytes"/> to a path below <see cref="Images"/> ('/' separated) and returns the full path.</summary>
    public string Put(string relativePath, byte[] bytes)
    {
        string path = Path.Combine(Images, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Every file below the cache folder (empty when nothing was written).</summary>
    public string[] CacheFiles() =>
        Directory.Exists(Cache) ? Directory.GetFiles(Cache, "*", SearchOption.AllDirectories) : [];

    public ImageFolderDataset Load(int channels, int height, int width, ImageFolderOptions? options = null, List<string>? log = null) =>
        ImageFolder.Load(Images, [channels, height, width], options ?? Options, log is null ? null : log.Add);

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
    }
}

namespace GanDsl.Testing;

/// <summary>
/// A fresh folder under the system temp folder for one test, deleted on dispose. Shared as source by the test projects
/// (tests/Shared), so each has the same one.
/// </summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("gandsl-test-").FullName;

    /// <summary>A path inside the folder; nothing is created.</summary>
    public string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>A folder inside this one, created (with its parents) if needed.</summary>
    public string Folder(params string[] parts) => Directory.CreateDirectory(File(parts)).FullName;

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* leftover temp files are harmless */ }
        catch (UnauthorizedAccessException) { }
    }
}

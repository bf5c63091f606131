namespace GanDsl.Images;

/// <summary>
/// Streams samples into a temporary file beside the cache file and renames it into place on <see cref="Commit"/>, so a
/// reader sees a complete cache file or none. Disposed without a commit (a bad file stopped the load), it deletes the
/// temporary file, and the cache folder too if this writer made it and it is empty: nothing is left behind.
/// </summary>
internal sealed class CacheWriter : IDisposable
{
    private readonly string _path;
    private readonly string _temp;
    private readonly List<string> _createdFolders = []; // deepest first
    private readonly SampleFormat _format;
    private readonly List<int> _labels = [];
    private readonly List<string> _skipped = [];
    private FileStream? _stream;

    public CacheWriter(string path, SampleFormat format)
    {
        _path = Path.GetFullPath(path);
        _format = format;
        string folder = Path.GetDirectoryName(_path)!;
        for (string? missing = folder; missing is not null && !Directory.Exists(missing); missing = Path.GetDirectoryName(missing))
            _createdFolders.Add(missing);
        Directory.CreateDirectory(folder);
        _temp = Path.Combine(folder, $".{Path.GetFileName(_path)}.{Guid.NewGuid():N}.tmp");
        _stream = new FileStream(_temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        _stream.Write(new byte[CacheLayout.HeaderSize]); // the real header is written on commit, when the count is known
    }

    /// <summary>Samples written so far.</summary>
    public int Count => _labels.Count;

    /// <summary>The labels of the samples written so far.</summary>
    public IReadOnlyList<int> Labels => _labels;

    public void Append(ReadOnlySpan<byte> sample, int label)
    {
        Stream.Write(sample[.._format.Size]);
        _labels.Add(label);
    }

    /// <summary>Records a file skipped as undecodable, so a later load from the cache can still say so.</summary>
    public void Skip(string relativePath) => _skipped.Add(relativePath);

    /// <summary>Writes the trailer and header, flushes to disk and renames the file into place.</summary>
    public void Commit(int classes)
    {
        var stream = Stream;
        byte[] trailer = CacheLayout.WriteTrailer(_labels, _skipped);
        stream.Write(trailer);
        stream.Position = 0;
        stream.Write(CacheLayout.WriteHeader(new CacheLayout.Header(_labels.Count, _format, classes, trailer.Length)));
        stream.Flush(flushToDisk: true);
        stream.Dispose();
        // Another process may have built the same file meanwhile: same key, same content, so replacing it is harmless.
        File.Move(_temp, _path, overwrite: true);
        _stream = null; // committed: Dispose leaves the file alone
    }

    public void Dispose()
    {
        if (_stream is null) return;
        _stream.Dispose(); // a second Dispose of the stream (after a failed rename) is harmless
        _stream = null;
        try
        {
            File.Delete(_temp);
            foreach (string folder in _createdFolders)
            {
                if (Directory.EnumerateFileSystemEntries(folder).Any()) break;
                Directory.Delete(folder);
            }
        }
        catch (IOException) { /* best effort: the error that stopped the load matters more */ }
        catch (UnauthorizedAccessException) { }
    }

    private FileStream Stream => _stream ?? throw new ObjectDisposedException(nameof(CacheWriter));
}

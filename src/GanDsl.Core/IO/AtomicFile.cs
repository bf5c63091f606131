using System.Text;

namespace GanDsl.IO;

/// <summary>
/// Writes a file so that readers see either the old content or the complete new one: the bytes go to a hidden temporary
/// file in the same folder (same volume, so the rename is atomic), are flushed to disk, and only then replace the target.
/// A write that fails or is abandoned removes its temporary file and leaves the target as it was.
/// </summary>
public sealed class AtomicFile : IDisposable
{
    private readonly FileStream _stream;
    private bool _done;

    private AtomicFile(string target, string temporary)
    {
        (Target, TemporaryPath) = (target, temporary);
        _stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
    }

    /// <summary>The full path the file lands at on <see cref="Commit"/>.</summary>
    public string Target { get; }

    /// <summary>The hidden file the bytes go to until <see cref="Commit"/>.</summary>
    public string TemporaryPath { get; }

    /// <summary>Where to write the new content.</summary>
    public Stream Stream => _stream;

    /// <summary>
    /// Starts replacing <paramref name="path"/> (creating its folder if needed). Write to <see cref="Stream"/>, then call
    /// <see cref="Commit"/>; disposing without committing discards what was written.
    /// </summary>
    public static AtomicFile Begin(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)
            ?? throw new ArgumentException($"The path '{path}' has no parent folder; give a file path such as 'out/image.png'.", nameof(path));
        Directory.CreateDirectory(folder);
        return new AtomicFile(full, Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp"));
    }

    /// <summary>Flushes the written bytes to disk and renames the temporary file over the target.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
        File.Move(TemporaryPath, Target, overwrite: true);
        _done = true;
    }

    /// <summary>Discards an uncommitted write (best effort: the error that led here matters more than the debris).</summary>
    public void Dispose()
    {
        if (_done) return;
        _done = true;
        BestEffort(_stream.Dispose);
        BestEffort(() => File.Delete(TemporaryPath));
    }

    private static void BestEffort(Action action)
    {
        try { action(); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>Replaces <paramref name="path"/> with what <paramref name="write"/> writes; if it throws, the old file stays.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        using var file = Begin(path);
        write(file.Stream);
        file.Commit();
    }

    /// <summary>Replaces <paramref name="path"/> with <paramref name="bytes"/>: a reader sees the old file or the new one, never part of it.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        using var file = Begin(path);
        file.Stream.Write(bytes);
        file.Commit();
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark (as <see cref="File.WriteAllText(string, string)"/> does).</summary>
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, Utf8.GetBytes(text));

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
}

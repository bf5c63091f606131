namespace GanDsl.Images;

/// <summary>A cache file opened for training: labels and skipped paths in memory, samples mapped.</summary>
internal sealed record CacheContents(int[] Labels, string[] Skipped, MappedSamples Samples);

/// <summary>Opens a cache file written by <see cref="CacheWriter"/>, checking that it is whole and of the expected shape.</summary>
internal static class CacheReader
{
    /// <summary>The file's contents, or null when it is missing, of another shape or class count, or damaged.</summary>
    public static CacheContents? TryOpen(string path, SampleFormat format, int classes)
    {
        FileStream stream;
        try { stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { return null; }
        try
        {
            var header = ReadHeader(stream);
            if (header is not { } h || h.Format != format || h.Classes != classes || stream.Length != h.FileLength)
            {
                stream.Dispose();
                return null;
            }
            stream.Position = CacheLayout.HeaderSize + h.SamplesLength;
            var trailerBytes = new byte[h.TrailerLength];
            stream.ReadExactly(trailerBytes);
            if (CacheLayout.ReadTrailer(trailerBytes, h) is not var (labels, skipped))
            {
                stream.Dispose();
                return null;
            }
            return new CacheContents(labels, skipped, new MappedSamples(stream, CacheLayout.HeaderSize, h.Count, format.Size));
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static CacheLayout.Header? ReadHeader(FileStream stream)
    {
        var bytes = new byte[CacheLayout.HeaderSize];
        return stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false) == bytes.Length ? CacheLayout.ReadHeader(bytes) : null;
    }
}

using System.Diagnostics;
using System.Globalization;
using GanDsl.Data;

namespace GanDsl.Images;

/// <summary>
/// Decodes every file of a scan into a new cache file, in the scan's order. Files are decoded a chunk at a time on
/// several threads (each file on its own, so the bytes do not depend on the thread count) and written in order, so
/// memory holds one chunk, never the folder. The first problem in file order stops the build with its sentence before
/// anything is committed; with <see cref="ImageFolderOptions.SkipUndecodable"/> undecodable files are left out instead.
/// </summary>
internal static class CacheBuilder
{
    /// <summary>About how many bytes of decoded samples one chunk holds.</summary>
    private const int ChunkBytes = 16 << 20;

    /// <summary>A progress line every this many images.</summary>
    private const int ProgressEvery = 5000;

    /// <summary>Builds the cache file at <paramref name="path"/> and returns how many files were decoded.</summary>
    public static int Build(FolderScan scan, SampleFormat format, ImageFolderOptions options, string path, Action<string>? log)
    {
        try
        {
            return Decode(scan, format, options, path, log);
        }
        catch (Exception e) when (e is (IOException or UnauthorizedAccessException) and not DatasetException)
        {
            throw new ImageFolderException($"The cache file {path} cannot be written ({e.Message.TrimEnd('.')}); free some space, or point GANDSL_CACHE or ImageFolderOptions.CacheDirectory at a writable folder.", path, e);
        }
    }

    private static int Decode(FolderScan scan, SampleFormat format, ImageFolderOptions options, string path, Action<string>? log)
    {
        var decoder = new SampleDecoder(format, options);
        int threads = options.DecodeThreads > 0 ? options.DecodeThreads : Environment.ProcessorCount;
        int chunk = Math.Min(scan.Files.Count, Math.Max(threads, Math.Min(1024, ChunkBytes / format.Size)));
        var samples = new byte[(long)chunk * format.Size];
        var problems = new ImageProblem?[chunk];
        var clock = Stopwatch.StartNew();
        var inv = CultureInfo.InvariantCulture;

        using var writer = new CacheWriter(path, format);
        for (int start = 0; start < scan.Files.Count; start += chunk)
        {
            int count = Math.Min(chunk, scan.Files.Count - start);
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, k =>
                problems[k] = decoder.Decode(scan.Files[start + k], samples.AsSpan(k * format.Size, format.Size)));
            for (int k = 0; k < count; k++)
            {
                var file = scan.Files[start + k];
                if (problems[k] is not { } problem) writer.Append(samples.AsSpan(k * format.Size, format.Size), file.Label);
                else if (problem.Undecodable && options.SkipUndecodable) writer.Skip(file.RelativePath);
                else throw problem.ToException();
            }
            int done = start + count;
            if (done / ProgressEvery > start / ProgressEvery && done < scan.Files.Count)
                log?.Invoke(string.Create(inv, $"{scan.Directory}: decoded {done:N0} of {scan.Files.Count:N0} images"));
        }
        if (writer.Count == 0)
            throw new ImageFolderException($"{scan.Directory} holds no image that can be decoded: all {ImageFormats.Count(scan.Files.Count, "file")} were skipped as undecodable; replace them with {ImageFormats.Names} images.", scan.Directory);
        CheckNoClassLost(scan, writer);
        writer.Commit(scan.Labelled ? scan.ClassNames.Count : 0);
        double seconds = clock.Elapsed.TotalSeconds;
        log?.Invoke(string.Create(inv, $"{scan.Directory}: decoded {ImageFormats.Count(decoder.Decoded, "image")} in {seconds:0.0} s ({decoder.Decoded / Math.Max(seconds, 1e-3):0} images/s)"));
        return decoder.Decoded;
    }

    /// <summary>A class whose every file was skipped would leave a label with no samples: refused like an empty class folder.</summary>
    private static void CheckNoClassLost(FolderScan scan, CacheWriter writer)
    {
        if (!scan.Labelled) return;
        var kept = new bool[scan.ClassNames.Count];
        foreach (int label in writer.Labels) kept[label] = true;
        int lost = Array.IndexOf(kept, false);
        if (lost >= 0)
        {
            string folder = Path.Combine(scan.Directory, scan.ClassNames[lost]);
            throw new ImageFolderException($"{folder} holds no image that can be decoded, so class '{scan.ClassNames[lost]}' would be empty; replace its files with {ImageFormats.Names} images or remove the folder.", folder);
        }
    }
}

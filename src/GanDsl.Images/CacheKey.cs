using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GanDsl.Images;

/// <summary>
/// Names the cache file of one folder read one way: a SHA-256 over every file's relative path, label, size and
/// modification time, the target shape and the options that change the stored bytes. Touching, adding, removing or
/// renaming a file, or changing the shape or those options, gives another name, so a stale cache is never read. The
/// folder's own name leads the file name only so a person can tell the files apart.
/// </summary>
internal static class CacheKey
{
    /// <summary>Raised when the stored layout or the decoding changes, so older caches are not read.</summary>
    private const string Version = "gandsl-images 1";

    public static string FileName(FolderScan scan, SampleFormat format, ImageFolderOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string line) => hash.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
        var inv = CultureInfo.InvariantCulture;
        Add(Version);
        Add(string.Create(inv, $"shape {format} background {options.Background} upscale {options.AllowUpscaling}"));
        Add(string.Create(inv, $"skip {options.SkipUndecodable} labelled {scan.Labelled}"));
        foreach (var file in scan.Files)
            Add(string.Create(inv, $"{file.Label}\t{file.RelativePath}\t{file.Length}\t{file.LastWriteTicks}"));
        string hex = Convert.ToHexStringLower(hash.GetHashAndReset());
        return $"{Readable(scan.Directory)}-{hex[..32]}.gdimg";
    }

    /// <summary>The folder's name with anything but letters, digits, '-' and '_' replaced, at most 40 characters.</summary>
    private static string Readable(string directory)
    {
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
        var safe = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
        if (safe.Length == 0) safe = "root";
        return safe.Length > 40 ? safe[..40] : safe;
    }
}

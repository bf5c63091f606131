using System.Globalization;
using System.Security.Cryptography;
using GanDsl.IO;

namespace GanDsl.Data;

/// <summary>
/// Downloads one official dataset file into a folder: the body goes to a hidden temporary file (<see cref="AtomicFile"/>),
/// its size and digests are checked, and only then is it renamed to its final name.
/// A partial, oversized or wrong-hash download is deleted and never appears under the final name.
/// </summary>
internal static class DatasetDownloader
{
    /// <summary>Tries each mirror in turn; returns null on success, else one reason per mirror.</summary>
    public static IReadOnlyList<string>? TryDownload(HttpClient client, IReadOnlyList<string> mirrors,
        DatasetFile file, string folder, Action<string>? log)
    {
        var failures = new List<string>();
        foreach (string mirror in mirrors)
        {
            string url = Url(mirror, file);
            log?.Invoke($"downloading {url}");
            string? failure = TryOne(client, url, file, folder);
            if (failure is null) return null;
            failures.Add($"{url}: {failure}");
        }
        return failures;
    }

    public static string Url(string mirror, DatasetFile file) => mirror.TrimEnd('/') + "/" + file.FileName;

    private static string? TryOne(HttpClient client, string url, DatasetFile file, string folder)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = client.Send(request, HttpCompletionOption.ResponseHeadersRead);
            if (!response.IsSuccessStatusCode)
                return string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using var md5 = file.Md5 is null ? null : IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            long total = 0;
            using var target = AtomicFile.Begin(Path.Combine(folder, file.FileName)); // discarded unless committed below
            using (var body = response.Content.ReadAsStream())
            {
                var buffer = new byte[1 << 16];
                int n;
                while ((n = body.Read(buffer)) > 0)
                {
                    total += n;
                    // A server sending more than the official file holds is refused before it fills the disk.
                    if (total > file.Size)
                        return string.Create(CultureInfo.InvariantCulture, $"the server sent more than the expected {file.Size} bytes");
                    sha.AppendData(buffer, 0, n);
                    md5?.AppendData(buffer, 0, n);
                    target.Stream.Write(buffer, 0, n);
                }
            }
            if (total != file.Size)
                return string.Create(CultureInfo.InvariantCulture, $"the download ended after {total} of {file.Size} bytes");
            string actual = Convert.ToHexStringLower(sha.GetHashAndReset());
            if (!actual.Equals(file.Sha256, StringComparison.OrdinalIgnoreCase))
                return $"its SHA-256 is {actual}, not the expected {file.Sha256}";
            if (md5 is not null)
            {
                string actualMd5 = Convert.ToHexStringLower(md5.GetHashAndReset());
                if (!actualMd5.Equals(file.Md5, StringComparison.OrdinalIgnoreCase))
                    return $"its MD5 is {actualMd5}, not the expected {file.Md5}";
            }
            target.Commit();
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or UnauthorizedAccessException
                                      or TaskCanceledException or OperationCanceledException)
        {
            return Describe(e);
        }
    }

    private static string Describe(Exception e)
    {
        string text = e is TaskCanceledException or OperationCanceledException ? "the download timed out" : e.Message.TrimEnd('.');
        // One level of inner detail says e.g. "Connection refused"; deeper levels add noise.
        if (e.InnerException is { } inner && !string.IsNullOrWhiteSpace(inner.Message) && !text.Contains(inner.Message.TrimEnd('.'), StringComparison.Ordinal))
            text += " (" + inner.Message.TrimEnd('.') + ")";
        return text.Replace(';', ',');
    }
}

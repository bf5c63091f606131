using System.Runtime.CompilerServices;

namespace GanDsl.Generators.Tests.Support;

/// <summary>
/// Approved-file snapshots: compares text with <c>TestFile.Name.verified.txt</c> next to the calling test file; on a
/// mismatch (or a missing file) writes <c>TestFile.Name.received.txt</c> and fails. Approve by renaming received to verified.
/// </summary>
internal static class Snapshot
{
    public static void Verify(string actual, string name, [CallerFilePath] string testFile = "")
    {
        var stem = Path.Combine(Path.GetDirectoryName(testFile)!, Path.GetFileNameWithoutExtension(testFile) + "." + name);
        var verified = stem + ".verified.txt";
        var received = stem + ".received.txt";
        var normalized = actual.Replace("\r\n", "\n");
        if (File.Exists(verified) && File.ReadAllText(verified).Replace("\r\n", "\n") == normalized)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        File.WriteAllText(received, normalized);
        Assert.Fail($"Snapshot '{name}' differs from {verified} (or is missing); compare {received} and rename it to approve.");
    }
}

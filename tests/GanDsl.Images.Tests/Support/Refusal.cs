namespace GanDsl.Images.Tests.Support;

/// <summary>The checks every refused load must pass: the exact sentence, one sentence, and nothing written anywhere.</summary>
internal static class Refusal
{
    public static void Assert(Scratch s, Func<ImageFolderDataset> load, string sentence)
    {
        var before = ImageFiles(s);
        var e = Xunit.Assert.Throws<ImageFolderException>(() => load().Dispose());
        Xunit.Assert.Equal(sentence, e.Message);
        Samples.AssertOneSentence(e.Message);
        Xunit.Assert.Empty(s.CacheFiles());
        Xunit.Assert.False(Directory.Exists(s.Cache), "The cache folder was created although the load failed.");
        Xunit.Assert.Equal(before, ImageFiles(s));
    }

    private static string[] ImageFiles(Scratch s) =>
        Directory.Exists(s.Images) ? Directory.GetFiles(s.Images, "*", SearchOption.AllDirectories).Order().ToArray() : [];
}

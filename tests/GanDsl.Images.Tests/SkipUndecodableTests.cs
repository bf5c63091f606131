using GanDsl.Images.Tests.Support;

namespace GanDsl.Images.Tests;

/// <summary><see cref="ImageFolderOptions.SkipUndecodable"/> leaves undecodable files out and says how many.</summary>
public class SkipUndecodableTests
{
    [Fact]
    public void Undecodable_files_are_skipped_and_counted_in_the_log()
    {
        using var s = new Scratch();
        s.Put("a.png", PngFile.Bytes8(1, 1, PngFile.Gray, 11));
        s.Put("b.png", "not an image"u8.ToArray());
        byte[] whole = PngFile.Bytes8(16, 16, PngFile.Rgb, Enumerable.Range(0, 768).Select(i => (byte)(i * 31)).ToArray());
        s.Put("c.png", whole[..(whole.Length / 2)]);
        s.Put("d.png", PngFile.Bytes8(1, 1, PngFile.Gray, 22));
        var log = new List<string>();

        using var data = s.Load(1, 1, 1, s.Options with { SkipUndecodable = true }, log);

        Assert.Equal(2, data.Count);
        Assert.Equal(new byte[] { 11 }, Samples.Bytes(data, 0));
        Assert.Equal(new byte[] { 22 }, Samples.Bytes(data, 1));
        Assert.Equal(["b.png", "c.png"], data.SkippedFiles);
        Assert.Contains(log, line => line.EndsWith("skipped 2 undecodable files: b.png, c.png", StringComparison.Ordinal));
    }

    [Fact]
    public void A_load_from_the_cache_still_reports_the_skipped_files()
    {
        using var s = new Scratch();
        s.Put("a.png", PngFile.Bytes8(1, 1, PngFile.Gray, 11));
        s.Put("b.png", "not an image"u8.ToArray());
        var options = s.Options with { SkipUndecodable = true };
        s.Load(1, 1, 1, options).Dispose();
        var log = new List<string>();

        using var again = s.Load(1, 1, 1, options, log);

        Assert.Equal(0, again.DecodedImages);
        Assert.Equal(["b.png"], again.SkippedFiles);
        Assert.Contains(log, line => line.EndsWith("skipped 1 undecodable file: b.png", StringComparison.Ordinal));
    }

    [Fact]
    public void A_folder_of_only_undecodable_files_is_refused()
    {
        using var s = new Scratch();
        s.Put("a.png", "x"u8.ToArray());
        s.Put("b.jpg", "y"u8.ToArray());
        Refusal.Assert(s, () => s.Load(1, 1, 1, s.Options with { SkipUndecodable = true }),
            $"{s.Images} holds no image that can be decoded: all 2 files were skipped as undecodable; replace them with PNG, JPEG, BMP, GIF or WebP images.");
    }

    [Fact]
    public void A_class_whose_every_file_is_skipped_is_refused()
    {
        using var s = new Scratch();
        s.Put("cats/a.png", PngFile.Bytes8(1, 1, PngFile.Gray, 0));
        s.Put("dogs/b.png", "x"u8.ToArray());
        string dogs = Path.Combine(s.Images, "dogs");
        Refusal.Assert(s, () => s.Load(1, 1, 1, s.Options with { SkipUndecodable = true }),
            $"{dogs} holds no image that can be decoded, so class 'dogs' would be empty; replace its files with PNG, JPEG, BMP, GIF or WebP images or remove the folder.");
    }
}

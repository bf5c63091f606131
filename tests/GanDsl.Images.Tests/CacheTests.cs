using GanDsl.Images.Tests.Support;

namespace GanDsl.Images.Tests;

/// <summary>Decoded samples are kept on disk: a second load decodes nothing until a file, the shape or an option changes.</summary>
public class CacheTests
{
    [Fact]
    public void The_second_load_decodes_nothing_and_reads_the_same_samples()
    {
        using var s = new Scratch();
        PutThree(s);
        byte[][] first;
        using (var data = s.Load(3, 4, 4))
        {
            Assert.Equal(3, data.DecodedImages);
            first = Enumerable.Range(0, 3).Select(i => Samples.Bytes(data, i)).ToArray();
        }
        var log = new List<string>();

        using var again = s.Load(3, 4, 4, log: log);

        Assert.Equal(0, again.DecodedImages);
        Assert.Equal(first, Enumerable.Range(0, 3).Select(i => Samples.Bytes(again, i)).ToArray());
        Assert.Contains(log, line => line.Contains("from the cache", StringComparison.Ordinal) && line.Contains("nothing decoded", StringComparison.Ordinal));
        Assert.Single(s.CacheFiles());
        Assert.Equal(s.CacheFiles()[0], again.CachePath);
    }

    [Fact]
    public void Every_epoch_reads_the_same_values_without_decoding()
    {
        using var s = new Scratch();
        PutThree(s);
        using var data = s.Load(3, 4, 4);
        var epoch1 = Samples.All(data);
        var epoch2 = Samples.All(data);
        Assert.Equal(epoch1.Values, epoch2.Values);
        Assert.Equal(3, data.DecodedImages); // decoding happens once, while loading; batches only read the mapped cache
    }

    [Fact]
    public void A_touched_file_is_decoded_again()
    {
        using var s = new Scratch();
        string[] files = PutThree(s);
        s.Load(3, 4, 4).Dispose();
        File.SetLastWriteTimeUtc(files[1], File.GetLastWriteTimeUtc(files[1]).AddSeconds(5));

        using var again = s.Load(3, 4, 4);

        Assert.Equal(3, again.DecodedImages);
        Assert.Equal(2, s.CacheFiles().Length);
    }

    [Fact]
    public void An_added_file_is_a_new_cache()
    {
        using var s = new Scratch();
        PutThree(s);
        s.Load(3, 4, 4).Dispose();
        s.Put("d.png", PngFile.Bytes8(4, 4, PngFile.Gray, new byte[16]));
        using var again = s.Load(3, 4, 4);
        Assert.Equal(4, again.DecodedImages);
    }

    [Fact]
    public void Another_shape_or_background_is_another_cache_but_the_value_range_is_not()
    {
        using var s = new Scratch();
        PutThree(s);
        s.Load(3, 4, 4).Dispose();
        using (var gray = s.Load(1, 4, 4)) Assert.Equal(3, gray.DecodedImages);
        using (var white = s.Load(3, 4, 4, s.Options with { Background = BackgroundColor.White })) Assert.Equal(3, white.DecodedImages);
        using (var unit = s.Load(3, 4, 4, s.Options with { Range = PixelRange.ZeroToOne })) Assert.Equal(0, unit.DecodedImages);
    }

    [Fact]
    public void A_folder_moved_elsewhere_keeps_its_cache_because_the_key_uses_relative_names()
    {
        using var s = new Scratch();
        PutThree(s);
        s.Load(3, 4, 4).Dispose();
        string moved = Path.Combine(Path.GetDirectoryName(s.Images)!, "elsewhere", "photos");
        Directory.CreateDirectory(Path.GetDirectoryName(moved)!);
        Directory.Move(s.Images, moved);

        using var again = ImageFolder.Load(moved, [3, 4, 4], s.Options);

        Assert.Equal(0, again.DecodedImages);
        Assert.Equal(3, again.Count);
    }

    [Fact]
    public void A_damaged_cache_file_is_rebuilt()
    {
        using var s = new Scratch();
        PutThree(s);
        string path;
        using (var data = s.Load(3, 4, 4)) path = data.CachePath;
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..100]);

        using var again = s.Load(3, 4, 4);

        Assert.Equal(3, again.DecodedImages);
        Assert.Equal(3, again.Count);
    }

    [Fact]
    public void No_temporary_file_is_left_after_a_build()
    {
        using var s = new Scratch();
        PutThree(s);
        using var data = s.Load(3, 4, 4);
        Assert.Equal([data.CachePath], s.CacheFiles());
        Assert.StartsWith("photos-", Path.GetFileName(data.CachePath));
        Assert.EndsWith(".gdimg", data.CachePath);
    }

    [Fact]
    public void The_thread_count_does_not_change_the_bytes()
    {
        using var s = new Scratch();
        var random = new Random(5);
        for (int i = 0; i < 12; i++)
        {
            var rgb = new byte[9 * 7 * 3];
            random.NextBytes(rgb);
            s.Put($"{i:00}.png", PngFile.Bytes8(9, 7, PngFile.Rgb, rgb));
        }
        using var one = s.Load(3, 4, 5, s.Options with { DecodeThreads = 1, CacheDirectory = s.Cache + "1" });
        using var four = s.Load(3, 4, 5, s.Options with { DecodeThreads = 4, CacheDirectory = s.Cache + "4" });
        Assert.Equal(File.ReadAllBytes(one.CachePath), File.ReadAllBytes(four.CachePath));
    }

    private static string[] PutThree(Scratch s) =>
    [
        s.Put("a.png", PngFile.Bytes8(4, 4, PngFile.Rgb, Enumerable.Range(0, 48).Select(i => (byte)i).ToArray())),
        s.Put("b.png", PngFile.Bytes8(4, 4, PngFile.Rgba, Enumerable.Range(0, 64).Select(i => (byte)(4 * i)).ToArray())),
        s.Put("c.png", PngFile.Bytes8(4, 4, PngFile.Gray, Enumerable.Range(0, 16).Select(i => (byte)(16 * i)).ToArray())),
    ];
}

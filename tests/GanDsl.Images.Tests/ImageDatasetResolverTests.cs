using GanDsl.Data;
using GanDsl.Images.Tests.Support;
using GanDsl.Testing;

namespace GanDsl.Images.Tests;

/// <summary>Named image sets (<c>--dataset emoji</c>): where they are looked for, what a missing one says, how they are read.</summary>
public class ImageDatasetResolverTests
{
    private static DatasetResolverOptions In(TempFolder dir) =>
        new() { HomeDirectory = dir.Folder("home"), CacheDirectory = dir.File("cache"), AllowDownload = false };

    private static void PutPicture(string folder, string name = "1f600.png")
    {
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, name), PngFile.Bytes8(1, 1, PngFile.Rgba, 10, 20, 30, 0));
    }

    [Fact]
    public void The_emoji_set_is_the_64_px_google_images_of_emoji_datasource_google_16_0_0_on_white()
    {
        Assert.True(ImageDatasetCatalog.TryGet(" Emoji ", out var emoji));
        Assert.Same(ImageDatasetCatalog.Emoji, emoji);
        Assert.Equal(("emoji-datasource-google", "16.0.0", "package/img/google/64", 3786), (emoji.NpmPackage, emoji.NpmVersion, emoji.PackagePath, emoji.ImageCount));
        Assert.Equal(BackgroundColor.White, emoji.Background);
        Assert.Equal("emoji-datasource-google-16.0.0.tgz", emoji.TarballName);
        Assert.False(ImageDatasetCatalog.TryGet("mnist", out _)); // the IDX sets live in GanDsl.Data's catalog
        Assert.Equal(["emoji"], ImageDatasetCatalog.Names);
    }

    [Fact]
    public void A_missing_set_is_one_sentence_naming_the_folders_and_the_commands_that_fetch_it_into_the_first()
    {
        using var dir = new TempFolder();
        var resolver = new ImageDatasetResolver(In(dir));
        string home = dir.File("home", "datasets", "emoji-google-64");
        string cache = dir.File("cache", "datasets", "emoji");
        Directory.CreateDirectory(home); // an empty folder does not count

        var e = Assert.Throws<DatasetException>(() => resolver.Locate(ImageDatasetCatalog.Emoji));

        Assert.Equal(
            $"The emoji images (3,786 PNGs of the npm package emoji-datasource-google@16.0.0) are in none of {home}, {cache}; " +
            $"fetch them with 'npm pack emoji-datasource-google@16.0.0 && mkdir -p {home} && tar -xzf emoji-datasource-google-16.0.0.tgz -C {home} --strip-components=4 package/img/google/64 && rm emoji-datasource-google-16.0.0.tgz' " +
            "(npm comes with Node.js), or pass --dataset a folder that holds them.", e.Message);
        Assert.False(Directory.Exists(dir.File("cache")));
    }

    [Fact]
    public void The_home_datasets_folder_comes_before_the_cache_and_a_folder_counts_when_it_holds_an_image()
    {
        using var dir = new TempFolder();
        var resolver = new ImageDatasetResolver(In(dir));
        string home = dir.File("home", "datasets", "emoji-google-64");
        string cache = dir.File("cache", "datasets", "emoji");
        Assert.Equal([home, cache], resolver.SearchFolders(ImageDatasetCatalog.Emoji));

        PutPicture(cache);
        Directory.CreateDirectory(home);
        File.WriteAllText(Path.Combine(home, "emoji-datasource-google-16.0.0.tgz"), "not unpacked yet");
        Assert.Equal(cache, resolver.Locate(ImageDatasetCatalog.Emoji));

        PutPicture(home);
        Assert.Equal(home, resolver.Locate(ImageDatasetCatalog.Emoji));
        Assert.Equal(cache, new ImageDatasetResolver(In(dir) with { HomeDirectory = null }).Locate(ImageDatasetCatalog.Emoji));
    }

    [Fact]
    public void The_set_is_read_on_its_own_background_into_the_resolvers_cache_unless_options_say_otherwise()
    {
        using var dir = new TempFolder();
        var options = In(dir);
        PutPicture(dir.File("home", "datasets", "emoji-google-64"));
        var resolver = new ImageDatasetResolver(options);
        var values = new float[3];

        using (var white = resolver.Load(ImageDatasetCatalog.Emoji, [3, 1, 1]))
        {
            white.CopyBatch([0], values, new int[1]);
            Assert.Equal([1f, 1f, 1f], values); // a transparent pixel is white: 255 scales to 1
            Assert.Equal("#FFFFFF", white.Source.Images!.Background);
            Assert.StartsWith(Path.Combine(options.CacheDirectory, "images") + Path.DirectorySeparatorChar, white.CachePath);
        }
        using var black = resolver.Load(ImageDatasetCatalog.Emoji, [3, 1, 1], new ImageFolderOptions { CacheDirectory = dir.File("other-cache") });
        black.CopyBatch([0], values, new int[1]);
        Assert.Equal([-1f, -1f, -1f], values);
    }

    [Theory]
    [InlineData("/data/emoji", "mkdir -p /data/emoji && tar -xzf p-1.0.0.tgz -C /data/emoji --strip-components=2")]
    [InlineData("/my data/it's", "mkdir -p '/my data/it'\\''s' && tar -xzf p-1.0.0.tgz -C '/my data/it'\\''s' --strip-components=2")]
    public void Fetch_commands_quote_the_folder_for_the_shell_and_strip_the_package_path(string folder, string expected)
    {
        var set = new ImageDatasetInfo("x", "x", "x", "p", "1.0.0", "package/64", 1, BackgroundColor.Black);
        Assert.Equal($"npm pack p@1.0.0 && {expected} package/64 && rm p-1.0.0.tgz", set.FetchCommands(folder));
    }
}

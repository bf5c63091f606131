using GanDsl.Data;
using GanDsl.Images.Tests.Support;

namespace GanDsl.Images.Tests;

/// <summary>Each bad input stops the load with one exact sentence, and nothing is written: no cache file, no cache folder.</summary>
public class BadInputTests
{
    private const string Formats = "PNG, JPEG, BMP, GIF or WebP";
    private const string SkipHint = "remove or replace it, or set ImageFolderOptions.SkipUndecodable to skip such files";

    [Fact]
    public void Empty_folder()
    {
        using var s = new Scratch();
        Refusal.Assert(s, () => s.Load(3, 8, 8),
            $"{s.Images} is empty; put {Formats} files in it (or one subfolder of them per class).");
    }

    [Fact]
    public void Folder_with_no_images()
    {
        using var s = new Scratch();
        s.Put("notes.txt", "hello"u8.ToArray());
        s.Put("sub/data.csv", "1,2"u8.ToArray());
        Refusal.Assert(s, () => s.Load(3, 8, 8, s.Options with { LabelsFromSubfolders = false }),
            $"{s.Images} holds 2 files but none is a {Formats} image; put images in it (or one subfolder of them per class).");
    }

    [Fact]
    public void Folder_that_does_not_exist()
    {
        using var s = new Scratch();
        string missing = Path.Combine(s.Images, "nope");
        Refusal.Assert(s, () => ImageFolder.Load(missing, [3, 8, 8], s.Options),
            $"{missing} does not exist; pass a folder of {Formats} files (or one subfolder of them per class).");
    }

    [Fact]
    public void File_given_as_the_folder()
    {
        using var s = new Scratch();
        string file = s.Put("one.png", PngFile.Bytes8(1, 1, PngFile.Gray, 0));
        Refusal.Assert(s, () => ImageFolder.Load(file, [1, 1, 1], s.Options),
            $"{file} is a file, but an image dataset is a folder of {Formats} files (or one subfolder of them per class); pass the folder.");
    }

    [Fact]
    public void Corrupt_image_with_an_image_extension()
    {
        using var s = new Scratch();
        s.Put("a.png", PngFile.Bytes8(1, 1, PngFile.Gray, 0));
        string bad = s.Put("b.png", "this is a text file, not a picture"u8.ToArray());
        Refusal.Assert(s, () => s.Load(1, 1, 1),
            $"{bad} is not an image: its content is not a {Formats} file that can be decoded; {SkipHint}.");
    }

    [Fact]
    public void Truncated_png_that_a_lenient_decoder_would_fill_with_blank_rows()
    {
        using var s = new Scratch();
        s.Put("a.png", Noise(32, 32));
        byte[] whole = Noise(32, 32, seed: 2);
        string cut = s.Put("cut.png", whole[..(whole.Length / 2)]);
        Refusal.Assert(s, () => s.Load(3, 32, 32),
            $"{cut} cannot be decoded completely (its data ends early, as in a truncated file or an interrupted download); {SkipHint}.");
    }

    [Fact]
    public void Truncated_jpeg()
    {
        using var s = new Scratch();
        var rgba = Enumerable.Range(0, 64 * 64 * 4).Select(i => (byte)(i * 7 % 251)).ToArray();
        byte[] whole = LossyFile.Jpeg(64, 64, rgba);
        string cut = s.Put("cut.jpg", whole[..(whole.Length / 2)]);
        Refusal.Assert(s, () => s.Load(3, 64, 64),
            $"{cut} cannot be decoded completely (its data ends early, as in a truncated file or an interrupted download); {SkipHint}.");
    }

    [Fact]
    public void Image_too_small_to_crop()
    {
        using var s = new Scratch();
        s.Put("big.png", PngFile.Bytes8(40, 40, PngFile.Gray, new byte[1600]));
        string small = s.Put("small.png", PngFile.Bytes8(20, 40, PngFile.Gray, new byte[800]));
        Refusal.Assert(s, () => s.Load(1, 32, 32),
            $"{small} is 20x40 pixels, smaller than the net's 32x32 input (width x height); use images at least that large, or set ImageFolderOptions.AllowUpscaling to enlarge it.");
    }

    [Fact]
    public void Image_too_small_is_not_skipped_as_undecodable()
    {
        using var s = new Scratch();
        s.Put("big.png", PngFile.Bytes8(8, 8, PngFile.Gray, new byte[64]));
        s.Put("small.png", PngFile.Bytes8(4, 4, PngFile.Gray, new byte[16]));
        var e = Assert.Throws<ImageFolderException>(() => s.Load(1, 8, 8, s.Options with { SkipUndecodable = true }));
        Assert.Contains("AllowUpscaling", e.Message);
        Assert.Empty(s.CacheFiles());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public void Channel_count_that_images_cannot_convert_to(int channels)
    {
        using var s = new Scratch();
        s.Put("a.png", PngFile.Bytes8(1, 1, PngFile.Gray, 0));
        Refusal.Assert(s, () => s.Load(channels, 28, 28),
            $"The net takes [{channels}, 28, 28], but images convert only to 1 (grayscale), 3 (RGB) or 4 (RGBA) channels; give the net's input one of those channel counts.");
    }

    [Fact]
    public void Flat_net_input()
    {
        using var s = new Scratch();
        s.Put("a.png", PngFile.Bytes8(1, 1, PngFile.Gray, 0));
        Refusal.Assert(s, () => ImageFolder.Load(s.Images, [784], s.Options),
            "The net takes samples of [784], but images become [channels, height, width] samples; give the net an input of three positive dimensions, such as [3, 64, 64].");
    }

    [Fact]
    public void Class_folder_without_images()
    {
        using var s = new Scratch();
        s.Put("cats/a.png", PngFile.Bytes8(1, 1, PngFile.Gray, 0));
        s.Put("dogs/readme.txt", "woof"u8.ToArray());
        string dogs = Path.Combine(s.Images, "dogs");
        Refusal.Assert(s, () => s.Load(1, 1, 1),
            $"{dogs} holds no {Formats} files, so class 'dogs' would be empty; add images to it or remove the folder.");
    }

    [Fact]
    public void Images_only_beside_class_folders()
    {
        using var s = new Scratch();
        s.Put("a.png", PngFile.Bytes8(1, 1, PngFile.Gray, 0));
        Directory.CreateDirectory(Path.Combine(s.Images, "empty-class"));
        Refusal.Assert(s, () => s.Load(1, 1, 1),
            $"{s.Images} holds 1 image but only beside its class subfolders, which are the only places read; put images in it (or one subfolder of them per class).");
    }

    [Fact]
    public void Cache_folder_that_cannot_be_made()
    {
        using var s = new Scratch();
        s.Put("a.png", PngFile.Bytes8(1, 1, PngFile.Gray, 0));
        string blocker = Path.Combine(Path.GetDirectoryName(s.Images)!, "a-file");
        File.WriteAllText(blocker, "not a folder");
        var e = Assert.Throws<ImageFolderException>(() => s.Load(1, 1, 1, s.Options with { CacheDirectory = Path.Combine(blocker, "images") }));
        Assert.StartsWith($"The cache file {Path.Combine(blocker, "images")}", e.Message);
        Assert.EndsWith("; free some space, or point GANDSL_CACHE or ImageFolderOptions.CacheDirectory at a writable folder.", e.Message);
        Samples.AssertOneSentence(e.Message);
    }

    [Fact]
    public void The_first_bad_file_in_order_is_named()
    {
        using var s = new Scratch();
        s.Put("a.png", PngFile.Bytes8(1, 1, PngFile.Gray, 0));
        string first = s.Put("b.png", "x"u8.ToArray());
        s.Put("c.png", "y"u8.ToArray());
        var e = Assert.Throws<ImageFolderException>(() => s.Load(1, 1, 1, s.Options with { DecodeThreads = 2 }));
        Assert.Equal(first, e.Path);
        Assert.StartsWith(first + " ", e.Message);
    }

    [Fact]
    public void The_error_is_a_dataset_error_for_the_cli()
    {
        using var s = new Scratch();
        Assert.IsAssignableFrom<DatasetException>(Assert.Throws<ImageFolderException>(() => s.Load(1, 1, 1)));
    }

    /// <summary>A 32 x 32 RGB PNG of noise: zlib cannot shrink it much, so cutting the file cuts rows.</summary>
    private static byte[] Noise(int width, int height, int seed = 1)
    {
        var random = new Random(seed);
        var rows = new byte[width * height * 3];
        random.NextBytes(rows);
        return PngFile.Bytes8(width, height, PngFile.Rgb, rows);
    }
}

using GanDsl.Images.Tests.Support;

namespace GanDsl.Images.Tests;

public class LooksLikeImageFolderTests
{
    [Fact]
    public void A_folder_of_images_or_class_folders_is_one()
    {
        using var s = new Scratch();
        s.Put("cats/a.png", PngFile.Bytes8(1, 1, PngFile.Gray, 0));
        Assert.True(ImageFolder.LooksLikeImageFolder(s.Images));
    }

    [Fact]
    public void A_folder_of_idx_files_is_not()
    {
        using var s = new Scratch();
        s.Put("train-images-idx3-ubyte.gz", [1]);
        s.Put("train-labels-idx1-ubyte", [1]);
        Assert.False(ImageFolder.LooksLikeImageFolder(s.Images));
    }

    [Fact]
    public void An_empty_folder_is_one_so_the_load_can_explain_it()
    {
        using var s = new Scratch();
        Assert.True(ImageFolder.LooksLikeImageFolder(s.Images));
    }

    [Fact]
    public void A_missing_folder_or_a_file_is_not()
    {
        using var s = new Scratch();
        Assert.False(ImageFolder.LooksLikeImageFolder(Path.Combine(s.Images, "missing")));
        Assert.False(ImageFolder.LooksLikeImageFolder(s.Put("a.png", [1])));
    }
}

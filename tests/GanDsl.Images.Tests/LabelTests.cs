using GanDsl.Images.Tests.Support;

namespace GanDsl.Images.Tests;

/// <summary>torchvision's ImageFolder rule: first-level subfolders are the classes in ordinal order; images at any depth below.</summary>
public class LabelTests
{
    [Fact]
    public void Subfolders_are_classes_in_ordinal_order_with_images_at_any_depth()
    {
        using var s = new Scratch();
        s.Put("cats/1.png", Gray(10));
        s.Put("cats/deep/er/2.png", Gray(11));
        s.Put("Zebras/3.png", Gray(30)); // 'Z' sorts before 'b' and 'c' ordinally
        s.Put("birds/4.png", Gray(20));

        using var data = s.Load(1, 1, 1);
        var (values, labels) = Samples.All(data);

        Assert.Equal(["Zebras", "birds", "cats"], data.ClassNames);
        Assert.Equal(3, data.Classes);
        Assert.Equal([0, 1, 2, 2], labels);
        Assert.Equal(new byte[] { 30, 20, 10, 11 }, Enumerable.Range(0, 4).Select(i => Samples.Bytes(data, i)[0]).ToArray());
        Assert.Equal(labels, Enumerable.Range(0, 4).Select(data.Label).ToArray());
        Assert.Equal(4, values.Length);
    }

    [Fact]
    public void A_flat_folder_is_unlabelled_and_labels_are_left_untouched()
    {
        using var s = new Scratch();
        s.Put("b.png", Gray(2));
        s.Put("a.png", Gray(1));
        using var data = s.Load(1, 1, 1);
        Assert.Equal(0, data.Classes);
        Assert.Empty(data.ClassNames);
        var labels = new[] { -7, -7 };
        var values = new float[2];
        data.CopyBatch([1, 0], values, labels);
        Assert.Equal([-7, -7], labels);
        Assert.Equal(new byte[] { 1 }, Samples.Bytes(data, 0)); // files in name order
    }

    [Fact]
    public void Images_beside_class_folders_and_other_files_are_ignored_with_a_log_line()
    {
        using var s = new Scratch();
        s.Put("cats/a.png", Gray(1));
        s.Put("stray.png", Gray(2));
        s.Put("README.md", "x"u8.ToArray());
        s.Put("cats/notes.txt", "x"u8.ToArray());
        s.Put("cats/.DS_Store", "x"u8.ToArray());
        Directory.CreateDirectory(Path.Combine(s.Images, ".git"));
        s.Put(".git/HEAD.png", Gray(3)); // hidden folders are neither classes nor read
        var log = new List<string>();

        using var data = s.Load(1, 1, 1, log: log);

        Assert.Equal(1, data.Count);
        Assert.Equal(["cats"], data.ClassNames);
        Assert.Equal(4, data.IgnoredFiles);
        Assert.Equal($"{s.Images}: 1 image in 1 class (cats); ignored 3 files that are hidden or have no image extension; ignored 1 image beside the class subfolders (only the subfolders are read)", log[0]);
    }

    [Fact]
    public void Subfolders_can_be_read_as_one_unlabelled_set()
    {
        using var s = new Scratch();
        s.Put("x/a.png", Gray(1));
        s.Put("y/b.png", Gray(2));
        s.Put("c.png", Gray(3));
        using var data = s.Load(1, 1, 1, s.Options with { LabelsFromSubfolders = false });
        Assert.Equal(3, data.Count);
        Assert.Equal(0, data.Classes);
    }

    [Fact]
    public void A_link_back_to_a_parent_folder_is_read_once()
    {
        using var s = new Scratch();
        s.Put("cats/a.png", Gray(1));
        Directory.CreateSymbolicLink(Path.Combine(s.Images, "cats", "loop"), Path.Combine(s.Images, "cats"));
        using var data = s.Load(1, 1, 1);
        Assert.Equal(1, data.Count);
    }

    private static byte[] Gray(byte value) => PngFile.Bytes8(1, 1, PngFile.Gray, value);
}

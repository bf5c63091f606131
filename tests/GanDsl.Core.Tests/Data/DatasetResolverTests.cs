using GanDsl.Data;

namespace GanDsl.Core.Tests.Data;

public class DatasetResolverTests
{
    private static DatasetResolverOptions Options(TempFolder tmp) => new()
    {
        DebianRoots = [Path.Combine(tmp.Path, "usr-share-datasets")],
        HomeDirectory = Path.Combine(tmp.Path, "home"),
        CacheDirectory = Path.Combine(tmp.Path, "cache"),
        AllowDownload = false,
    };

    private static string Debian(TempFolder tmp) => Path.Combine(tmp.Path, "usr-share-datasets", "tiny");
    private static string Torchvision(TempFolder tmp) => Path.Combine(tmp.Path, "home", "datasets", "Tiny", "raw");
    private static string Cache(TempFolder tmp) => Path.Combine(tmp.Path, "cache", "datasets", "tiny");

    [Fact]
    public void Explicit_folder_wins_over_every_standard_place()
    {
        using var tmp = new TempFolder();
        foreach (var folder in new[] { Debian(tmp), Torchvision(tmp), Cache(tmp) }) TinyDataset.Place(folder, DatasetSplit.Train);
        string mine = tmp.Folder("mine");
        TinyDataset.Place(mine, DatasetSplit.Train);

        var found = new DatasetResolver(Options(tmp) with { Directory = mine }).Resolve(TinyDataset.Info, DatasetSplit.Train);

        Assert.Equal(DatasetSource.Explicit, found.Source);
        Assert.Equal(Path.Combine(mine, "train-images-idx3-ubyte.gz"), found.ImagesPath);
        Assert.Equal(Path.Combine(mine, "train-labels-idx1-ubyte.gz"), found.LabelsPath);
    }

    [Fact]
    public void Explicit_folder_lacking_a_file_is_refused_without_falling_back()
    {
        using var tmp = new TempFolder();
        TinyDataset.Place(Debian(tmp), DatasetSplit.Test);
        string mine = tmp.Folder("mine");
        TinyDataset.Place(mine, DatasetSplit.Test);
        File.Delete(Path.Combine(mine, "t10k-labels-idx1-ubyte.gz"));

        var e = Assert.Throws<DatasetException>(() =>
            new DatasetResolver(Options(tmp) with { Directory = mine }).Resolve(TinyDataset.Info, DatasetSplit.Test));
        Sentences.AssertOne(e.Message, "t10k-labels-idx1-ubyte");
        Text.Has(e.Message, mine);
    }

    [Fact]
    public void Explicit_folder_that_does_not_exist_is_refused()
    {
        using var tmp = new TempFolder();
        string missing = Path.Combine(tmp.Path, "no-such-folder");
        var e = Assert.Throws<DatasetException>(() =>
            new DatasetResolver(Options(tmp) with { Directory = missing }).Load(TinyDataset.Info));
        Sentences.AssertOne(e.Message, missing);
        Text.Has(e.Message, "does not exist");
    }

    [Fact]
    public void Standard_places_are_searched_in_order_debian_torchvision_cache()
    {
        using var tmp = new TempFolder();
        var resolver = new DatasetResolver(Options(tmp));
        var expected = new (string Folder, DatasetSource Source)[]
        {
            (Debian(tmp), DatasetSource.Debian), (Torchvision(tmp), DatasetSource.Torchvision), (Cache(tmp), DatasetSource.Cache),
        };
        Assert.Equal(expected, resolver.SearchFolders(TinyDataset.Info));

        // Fill the places from last to first: each newly filled, earlier place takes over.
        for (int i = expected.Length - 1; i >= 0; i--)
        {
            TinyDataset.Place(expected[i].Folder, DatasetSplit.Train);
            var found = resolver.Resolve(TinyDataset.Info, DatasetSplit.Train);
            Assert.Equal(expected[i].Source, found.Source);
            Assert.StartsWith(expected[i].Folder, found.ImagesPath);
        }
    }

    [Fact]
    public void A_place_holding_only_half_of_a_split_is_skipped()
    {
        using var tmp = new TempFolder();
        TinyDataset.Place(Debian(tmp), DatasetSplit.Train);
        File.Delete(Path.Combine(Debian(tmp), "train-labels-idx1-ubyte.gz"));
        TinyDataset.Place(Cache(tmp), DatasetSplit.Train);

        var found = new DatasetResolver(Options(tmp)).Resolve(TinyDataset.Info, DatasetSplit.Train);
        Assert.Equal(DatasetSource.Cache, found.Source);
    }

    [Fact]
    public void Torchvision_layout_with_extracted_files_is_read()
    {
        using var tmp = new TempFolder();
        // torchvision keeps the extracted files next to the archives; here only the extracted ones.
        IdxFixtures.WritePair(tmp.Folder("home", "datasets", "Tiny", "raw"), "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte",
            5, TinyDataset.Side, TinyDataset.Side);

        var resolver = new DatasetResolver(Options(tmp));
        var found = resolver.Resolve(TinyDataset.Info, DatasetSplit.Test);
        var data = resolver.Load(TinyDataset.Info, DatasetSplit.Test);

        Assert.Equal(DatasetSource.Torchvision, found.Source);
        Assert.Equal(Path.Combine(Torchvision(tmp), "t10k-images-idx3-ubyte"), found.ImagesPath);
        Assert.Equal(5, data.Count);
    }

    [Fact]
    public void Cache_is_used_and_its_files_are_loaded()
    {
        using var tmp = new TempFolder();
        TinyDataset.Place(Cache(tmp), DatasetSplit.Test);

        var data = new DatasetResolver(Options(tmp)).Load(TinyDataset.Info, DatasetSplit.Test);

        Assert.Equal("tiny", data.Name);
        Assert.Equal(TinyDataset.TestCount, data.Count);
        Assert.Equal((1, 4, 4, 10), (data.Channels, data.Height, data.Width, data.Classes));
        Assert.Equal(IdxFixtures.Labels(TinyDataset.TestCount, salt: 2).Select(b => (int)b), data.Labels);
    }

    [Fact]
    public void Cache_folder_follows_the_options()
    {
        var options = new DatasetResolverOptions { CacheDirectory = Path.Combine("x", "cache") };
        Assert.Equal(Path.Combine("x", "cache", "datasets", "fashion-mnist"), options.CacheFolder(DatasetCatalog.FashionMnist));
    }

    [Fact]
    public void Images_of_another_size_than_the_dataset_are_refused()
    {
        using var tmp = new TempFolder();
        string mine = tmp.Folder("mine");
        IdxFixtures.WritePair(mine, "train-images-idx3-ubyte", "train-labels-idx1-ubyte", 3, 5, 5);

        var e = Assert.Throws<DatasetException>(() =>
            new DatasetResolver(Options(tmp) with { Directory = mine }).Load(TinyDataset.Info));
        Sentences.AssertOne(e.Message, "train-images-idx3-ubyte");
        Text.Has(e.Message, "5x5 but tiny's are 4x4");
    }

    [Fact]
    public void Nothing_found_and_downloads_off_lists_the_ways_to_get_the_data()
    {
        using var tmp = new TempFolder();
        var e = Assert.Throws<DatasetException>(() => new DatasetResolver(Options(tmp)).Load(TinyDataset.Info, DatasetSplit.Test));

        Sentences.AssertOne(e.Message, "tiny");
        Text.Has(e.Message, "downloads are turned off");
        Text.Has(e.Message, Debian(tmp));
        Text.Has(e.Message, "--dataset DIR");
        Text.Has(e.Message, "apt-get install dataset-fashion-mnist");
        Text.Has(e.Message, "http://127.0.0.1:9/unused/t10k-images-idx3-ubyte.gz");
        Text.Has(e.Message, Cache(tmp));
    }
}

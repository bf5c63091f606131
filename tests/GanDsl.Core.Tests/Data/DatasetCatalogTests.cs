using GanDsl.Data;

namespace GanDsl.Core.Tests.Data;

public class DatasetCatalogTests
{
    [Theory]
    [InlineData("fashion-mnist", "fashion-mnist")]
    [InlineData("MNIST", "mnist")]
    [InlineData(" mnist ", "mnist")]
    public void Names_are_found_case_insensitively(string asked, string expected) =>
        Assert.Equal(expected, DatasetCatalog.Get(asked).Name);

    [Fact]
    public void Unknown_name_lists_the_known_ones()
    {
        var e = Assert.Throws<DatasetException>(() => DatasetCatalog.Get("cifar10"));
        Sentences.AssertOne(e.Message, "cifar10");
        Text.Has(e.Message, "fashion-mnist or mnist");
        Text.Has(e.Message, "--dataset DIR");
    }

    [Theory]
    [InlineData("train", DatasetSplit.Train)]
    [InlineData("Test", DatasetSplit.Test)]
    public void Splits_parse(string text, DatasetSplit split) => Assert.Equal(split, DatasetCatalog.ParseSplit(text));

    [Fact]
    public void Unknown_split_is_refused() =>
        Sentences.AssertOne(Assert.Throws<DatasetException>(() => DatasetCatalog.ParseSplit("valid")).Message, "valid");

    [Fact]
    public void Every_official_file_has_a_sha256_an_md5_and_the_standard_name()
    {
        foreach (var info in DatasetCatalog.All)
        {
            Assert.Equal((1, 28, 28, 10, 60000, 10000), (info.Channels, info.Height, info.Width, info.Classes, info.TrainCount, info.TestCount));
            var files = new[] { info.TrainImages, info.TrainLabels, info.TestImages, info.TestLabels };
            Assert.Equal(["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"],
                files.Select(f => f.FileName));
            Assert.All(files, f => Assert.Matches("^[0-9a-f]{64}$", f.Sha256));
            Assert.All(files, f => Assert.Matches("^[0-9a-f]{32}$", f.Md5!));
            Assert.NotEmpty(info.Mirrors);
        }
        Assert.Equal("dataset-fashion-mnist", DatasetCatalog.FashionMnist.DebianPackage);
    }
}

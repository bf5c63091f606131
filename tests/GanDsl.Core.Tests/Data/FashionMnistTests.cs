using System.Security.Cryptography;
using GanDsl.Data;

namespace GanDsl.Core.Tests.Data;

/// <summary>
/// Reads the real Fashion-MNIST from Debian's package. CI installs it; a machine without it fails here with
/// the command that installs it rather than skipping.
/// </summary>
public class FashionMnistTests
{
    private const string Folder = "/usr/share/datasets/fashion-mnist";

    private static void RequirePackage() =>
        Assert.True(File.Exists(Path.Combine(Folder, "t10k-images-idx3-ubyte.gz")),
            $"{Folder} is missing: install Debian's Fashion-MNIST with 'sudo apt-get install dataset-fashion-mnist' (.ci/run does).");

    private static DatasetResolverOptions Options(string cache) => new()
    {
        HomeDirectory = null,
        CacheDirectory = cache,
        AllowDownload = false,
    };

    [Fact]
    public void Both_splits_load_from_the_debian_package_with_all_samples_in_range()
    {
        RequirePackage();
        using var tmp = new TempFolder();
        var resolver = new DatasetResolver(Options(tmp.Path));
        Assert.Equal(DatasetSource.Debian, resolver.Resolve(FashionMnist.Info, DatasetSplit.Test).Source);

        var test = resolver.Load(FashionMnist.Info, DatasetSplit.Test);
        var train = resolver.Load(FashionMnist.Info, DatasetSplit.Train);

        Assert.Equal(10000, test.Count);
        Assert.Equal(60000, train.Count);
        foreach (var data in new[] { test, train })
        {
            Assert.Equal((1, 28, 28, 10), (data.Channels, data.Height, data.Width, data.Classes));
            Assert.Equal(data.Count * 784, data.Images.Length);
            Assert.Equal(-1f, data.Images.Min());
            Assert.Equal(1f, data.Images.Max());
            // Fashion-MNIST is balanced: every class holds exactly a tenth of each split.
            Assert.All(data.Labels.CountBy(l => l), c => Assert.Equal(data.Count / 10, c.Value));
        }
    }

    [Theory]
    [InlineData("train-images-idx3-ubyte.gz", 1504176606u)]
    [InlineData("train-labels-idx1-ubyte.gz", 1504176606u)]
    [InlineData("t10k-images-idx3-ubyte.gz", 1504176627u)]
    [InlineData("t10k-labels-idx1-ubyte.gz", 1504176627u)]
    public void Catalog_digests_match_the_debian_copies_with_the_original_gzip_header(string name, uint mtime)
    {
        RequirePackage();
        // Debian's copies carry the original deflate data under a rewritten 10-byte gzip header (no file name,
        // new time stamp). Restoring Zalando's header (FNAME flag, original time, name) must give back the
        // official file: its size, Zalando's MD5 and the SHA-256 the downloader checks.
        byte[] debian = File.ReadAllBytes(Path.Combine(Folder, name));
        Assert.Equal(new byte[] { 0x1f, 0x8b, 8, 0 }, debian[..4]);
        byte[] header = [0x1f, 0x8b, 8, 8, (byte)mtime, (byte)(mtime >> 8), (byte)(mtime >> 16), (byte)(mtime >> 24), 0, 3];
        byte[] original = [.. header, .. System.Text.Encoding.ASCII.GetBytes(name[..^3]), 0, .. debian[10..]];

        var file = new[] { FashionMnist.Info.TrainImages, FashionMnist.Info.TrainLabels, FashionMnist.Info.TestImages, FashionMnist.Info.TestLabels }
            .Single(f => f.FileName == name);
        Assert.Equal(file.Size, original.Length);
        Assert.Equal(file.Md5, Convert.ToHexStringLower(MD5.HashData(original)));
        Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(original)));
    }
}

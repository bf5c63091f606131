using System.Security.Cryptography;
using GanDsl.Data;

namespace GanDsl.Core.Tests.Data;

/// <summary>
/// A made-up dataset "tiny" shaped like Fashion-MNIST's catalog entry (same file names, a Debian package) but
/// with 4x4 images, 12 train and 6 test samples, whose official digests are those of files built here.
/// </summary>
internal static class TinyDataset
{
    public const int TrainCount = 12, TestCount = 6, Side = 4;

    /// <summary>The "official" gzip files by name.</summary>
    public static IReadOnlyDictionary<string, byte[]> Files { get; } = Build();

    public static DatasetInfo Info { get; } = DatasetCatalog.FashionMnist with
    {
        Name = "tiny",
        Height = Side,
        Width = Side,
        TrainCount = TrainCount,
        TestCount = TestCount,
        TrainImages = Describe("train-images-idx3-ubyte.gz"),
        TrainLabels = Describe("train-labels-idx1-ubyte.gz"),
        TestImages = Describe("t10k-images-idx3-ubyte.gz"),
        TestLabels = Describe("t10k-labels-idx1-ubyte.gz"),
        Mirrors = ["http://127.0.0.1:9/unused/"],
        TorchvisionFolder = "Tiny",
        DebianFolder = "tiny",
    };

    /// <summary>Writes the split's official files (gzip) into <paramref name="folder"/>.</summary>
    public static void Place(string folder, DatasetSplit split)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in new[] { Info.Images(split), Info.Labels(split) })
            File.WriteAllBytes(Path.Combine(folder, file.FileName), Files[file.FileName]);
    }

    private static DatasetFile Describe(string name)
    {
        var bytes = Files[name];
        return new DatasetFile(name, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Convert.ToHexStringLower(MD5.HashData(bytes)));
    }

    private static Dictionary<string, byte[]> Build()
    {
        using var tmp = new TempFolder();
        IdxFixtures.WritePair(tmp.Path, "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", TrainCount, Side, Side, salt: 1);
        IdxFixtures.WritePair(tmp.Path, "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", TestCount, Side, Side, salt: 2);
        return Directory.GetFiles(tmp.Path).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
    }
}

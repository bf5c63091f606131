namespace GanDsl.Data;

/// <summary>
/// The datasets GanDsl can find or download by name. Digests: MNIST's SHA-256 are the ones TensorFlow Datasets
/// publishes and its MD5 torchvision's; Fashion-MNIST's MD5 are Zalando's, and its SHA-256 were checked here
/// against Debian's dataset-fashion-mnist copies (same deflate data, gzip header rewritten) with the header
/// restored, which reproduces Zalando's MD5 byte for byte.
/// </summary>
public static class DatasetCatalog
{
    /// <summary>MNIST handwritten digits: 1×28×28, 10 classes, 60,000 training and 10,000 test images (<c>torchvision.datasets.MNIST</c>).</summary>
    public static DatasetInfo Mnist { get; } = new(
        Name: "mnist",
        Channels: 1, Height: 28, Width: 28,
        ClassNames: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
        TrainCount: 60000, TestCount: 10000,
        TrainImages: new("train-images-idx3-ubyte.gz", 9912422,
            "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609", "f68b3c2dcbeaaa9fbdd348bbdeb94873"),
        TrainLabels: new("train-labels-idx1-ubyte.gz", 28881,
            "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c", "d53e105ee54ea40749a09fcbcd1e9432"),
        TestImages: new("t10k-images-idx3-ubyte.gz", 1648877,
            "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6", "9fb629c4189551a2d022fa330f9573f3"),
        TestLabels: new("t10k-labels-idx1-ubyte.gz", 4542,
            "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6", "ec29112dd5afa0611ce80d1b7f02629c"),
        // torchvision's mirrors, in its order.
        Mirrors: ["https://ossci-datasets.s3.amazonaws.com/mnist/", "http://yann.lecun.com/exdb/mnist/"],
        TorchvisionFolder: "MNIST",
        DebianPackage: null,
        DebianFolder: null);

    /// <summary>Zalando's Fashion-MNIST: 1×28×28 clothing pictures, 10 classes, 60,000 training and 10,000 test images (<c>torchvision.datasets.FashionMNIST</c>).</summary>
    public static DatasetInfo FashionMnist { get; } = new(
        Name: "fashion-mnist",
        Channels: 1, Height: 28, Width: 28,
        ClassNames: ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"],
        TrainCount: 60000, TestCount: 10000,
        TrainImages: new("train-images-idx3-ubyte.gz", 26421880,
            "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84", "8d4fb7e6c68d591d4c3dfef9ec88bf0d"),
        TrainLabels: new("train-labels-idx1-ubyte.gz", 29515,
            "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845", "25c81989df183df01b3e8a0aad5dffbe"),
        TestImages: new("t10k-images-idx3-ubyte.gz", 4422102,
            "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073", "bef4ecab320f06d8554ea6380940ec79"),
        TestLabels: new("t10k-labels-idx1-ubyte.gz", 5148,
            "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5", "bb300cfdad3c16e7a12a480ee83cd310"),
        Mirrors: ["http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"],
        TorchvisionFolder: "FashionMNIST",
        DebianPackage: "dataset-fashion-mnist",
        DebianFolder: "fashion-mnist");

    /// <summary>Every named dataset, Fashion-MNIST first.</summary>
    public static IReadOnlyList<DatasetInfo> All { get; } = [FashionMnist, Mnist];

    /// <summary>Names accepted by <see cref="Get"/>, for help texts.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(d => d.Name).ToArray();

    /// <summary>Finds a dataset by name, ignoring case and surrounding spaces; false (and <paramref name="info"/> null) when none has it.</summary>
    public static bool TryGet(string name, out DatasetInfo info)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var d in All)
        {
            if (string.Equals(d.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                info = d;
                return true;
            }
        }
        info = null!;
        return false;
    }

    /// <summary>The dataset named <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="DatasetException">No dataset has that name; the message lists the names there are.</exception>
    public static DatasetInfo Get(string name) => TryGet(name, out var info)
        ? info
        : throw new DatasetException($"'{name}' is not a dataset GanDsl knows; use {string.Join(" or ", Names)}, or pass a folder of IDX files with --dataset DIR.");

    /// <summary>Parses "train" or "test" (case-insensitive).</summary>
    public static DatasetSplit ParseSplit(string split) => split.Trim().ToLowerInvariant() switch
    {
        "train" => DatasetSplit.Train,
        "test" or "t10k" => DatasetSplit.Test,
        _ => throw new DatasetException($"'{split}' is not a dataset split; use train or test."),
    };
}

namespace GanDsl.Data;

/// <summary>MNIST (LeCun, Cortes, Burges): 28x28 grey handwritten digits, 60000 train / 10000 test.</summary>
public static class Mnist
{
    /// <summary>The catalog entry: shape, class names, official files and mirrors.</summary>
    public static DatasetInfo Info => DatasetCatalog.Mnist;

    /// <summary>Loads a split from the standard places (or downloads it), or with the given options.</summary>
    public static Dataset Load(DatasetSplit split = DatasetSplit.Train, DatasetResolverOptions? options = null) =>
        new DatasetResolver(options ?? DatasetResolverOptions.FromEnvironment()).Load(Info, split);
}

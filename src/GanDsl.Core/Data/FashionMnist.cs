namespace GanDsl.Data;

/// <summary>Fashion-MNIST (Zalando): 28x28 grey clothing images in 10 classes, 60000 train / 10000 test.</summary>
public static class FashionMnist
{
    /// <summary>The catalog entry: shape, class names, official files and mirrors.</summary>
    public static DatasetInfo Info => DatasetCatalog.FashionMnist;

    /// <summary>Loads a split from the standard places (or downloads it), or with the given options.</summary>
    public static Dataset Load(DatasetSplit split = DatasetSplit.Train, DatasetResolverOptions? options = null) =>
        new DatasetResolver(options ?? DatasetResolverOptions.FromEnvironment()).Load(Info, split);
}

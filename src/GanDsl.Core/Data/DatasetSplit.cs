namespace GanDsl.Data;

/// <summary>Which half of a dataset: the training split or the held-out test split (MNIST's "t10k" files).</summary>
public enum DatasetSplit
{
    /// <summary>The training split (60,000 images for MNIST and Fashion-MNIST).</summary>
    Train,
    /// <summary>The test split (the "t10k" files: 10,000 images).</summary>
    Test,
}

namespace GanDsl.Data;

/// <summary>Which half of a dataset: the training split or the held-out test split (MNIST's "t10k" files).</summary>
public enum DatasetSplit
{
    Train,
    Test,
}

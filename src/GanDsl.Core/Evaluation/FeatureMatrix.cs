namespace GanDsl.Evaluation;

/// <summary>
/// Feature vectors, one row per sample, in double precision (row-major <see cref="Data"/>, <see cref="Count"/> x <see cref="Dimension"/>).
/// </summary>
public sealed class FeatureMatrix
{
    /// <summary>A matrix over <paramref name="data"/> (row-major, taken without a copy).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or <paramref name="dimension"/> not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> does not hold count·dimension values.</exception>
    public FeatureMatrix(int count, int dimension, double[] data)
    {
        if (count < 0 || dimension <= 0)
            throw new ArgumentOutOfRangeException(nameof(dimension), $"A feature matrix needs a non-negative count and a positive dimension but got {count} x {dimension}.");
        if (data.Length != (long)count * dimension)
            throw new ArgumentException($"A {count} x {dimension} feature matrix needs {(long)count * dimension} values but got {data.Length}.", nameof(data));
        (Count, Dimension, Data) = (count, dimension, data);
    }

    /// <summary>Number of rows (samples).</summary>
    public int Count { get; }
    /// <summary>Number of columns (features per sample).</summary>
    public int Dimension { get; }
    /// <summary>The values, row after row.</summary>
    public double[] Data { get; }

    /// <summary>Row <paramref name="index"/>'s features, without a copy.</summary>
    public ReadOnlySpan<double> Row(int index) => Data.AsSpan(index * Dimension, Dimension);

    /// <summary>Copies float features ([count, dimension], row-major) into double precision.</summary>
    public static FeatureMatrix FromFloats(ReadOnlySpan<float> values, int dimension)
    {
        if (dimension <= 0 || values.Length % dimension != 0)
            throw new ArgumentException($"{values.Length} values do not split into rows of {dimension}; pass [count, dimension] features.", nameof(values));
        var data = new double[values.Length];
        for (int i = 0; i < data.Length; i++) data[i] = values[i];
        return new FeatureMatrix(values.Length / dimension, dimension, data);
    }

    /// <summary>The rows at <paramref name="indices"/>, in that order.</summary>
    public FeatureMatrix Select(ReadOnlySpan<int> indices)
    {
        var data = new double[indices.Length * Dimension];
        for (int i = 0; i < indices.Length; i++) Row(indices[i]).CopyTo(data.AsSpan(i * Dimension, Dimension));
        return new FeatureMatrix(indices.Length, Dimension, data);
    }
}

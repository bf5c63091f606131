namespace GanDsl.Evaluation;

/// <summary>Class coverage: the normalised entropy of the predicted-class histogram and the count of well-represented classes.</summary>
public readonly record struct CoverageResult(double Coverage, int ClassesCovered);

/// <summary>
/// How evenly generated samples spread over the classes: H(histogram) / log K, 1 for a uniform histogram and 0 when
/// every sample falls in one class; and the number of classes holding at least <see cref="DefaultMinimumShare"/> of samples.
/// </summary>
public static class Coverage
{
    /// <summary>A class counts as covered when it holds at least this share (5 %) of the samples.</summary>
    public const double DefaultMinimumShare = 0.05;

    /// <summary>Coverage of the predicted classes <paramref name="predicted"/> among <paramref name="classes"/>.</summary>
    public static CoverageResult Compute(ReadOnlySpan<int> predicted, int classes, double minimumShare = DefaultMinimumShare)
    {
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), $"Coverage needs at least 2 classes but got {classes}.");
        if (predicted.IsEmpty) throw new ArgumentException("Coverage needs at least one predicted sample; evaluate a non-empty sample set.", nameof(predicted));
        var counts = ClassHistogram.Counts(predicted, classes);
        double n = predicted.Length, entropy = 0;
        int covered = 0;
        foreach (int c in counts)
        {
            if (c == 0) continue;
            double share = c / n;
            entropy -= share * Math.Log(share);
            if (share >= minimumShare) covered++;
        }
        // Clamp: rounding can push a uniform histogram a hair above log K.
        return new CoverageResult(Math.Clamp(entropy / Math.Log(classes), 0, 1), covered);
    }
}

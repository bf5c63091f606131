namespace GanDsl.Evaluation;

/// <summary>For conditional generators: the fraction of samples the domain classifier assigns to the label they were generated for.</summary>
public static class ConditionalAccuracy
{
    /// <summary>The fraction in [0, 1] of samples whose <paramref name="predicted"/> class equals the <paramref name="requested"/> one.</summary>
    /// <exception cref="ArgumentException">The spans differ in length or are empty.</exception>
    public static double Compute(ReadOnlySpan<int> predicted, ReadOnlySpan<int> requested)
    {
        if (predicted.Length != requested.Length)
            throw new ArgumentException($"Conditional accuracy needs one requested label per sample but got {requested.Length} labels for {predicted.Length} samples.", nameof(requested));
        if (predicted.IsEmpty) throw new ArgumentException("Conditional accuracy needs at least one sample; evaluate a non-empty sample set.", nameof(predicted));
        int hits = 0;
        for (int i = 0; i < predicted.Length; i++) if (predicted[i] == requested[i]) hits++;
        return (double)hits / predicted.Length;
    }
}

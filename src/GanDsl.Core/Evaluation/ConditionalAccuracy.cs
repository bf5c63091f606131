namespace GanDsl.Evaluation;

/// <summary>For conditional generators: the fraction of samples the domain classifier assigns to the label they were generated for.</summary>
public static class ConditionalAccuracy
{
    /// <summary>The fraction in [0, 1] of samples whose <paramref name="predicted"/> class equals the <paramref name="requested"/> one.</summary>
    /// <exception cref="ArgumentException">The spans differ in length or are empty.</exception>
    public static double Compute(ReadOnlySpan<int> predicted, ReadOnlySpan<int> requested)
    {
        RequireOneLabelPerSample(predicted, requested);
        if (predicted.IsEmpty) throw new ArgumentException("Conditional accuracy needs at least one sample; evaluate a non-empty sample set.", nameof(predicted));
        int hits = 0;
        for (int i = 0; i < predicted.Length; i++) if (predicted[i] == requested[i]) hits++;
        return (double)hits / predicted.Length;
    }

    /// <summary>
    /// For each class k in [0, <paramref name="classes"/>): the fraction of the samples asked for k that the classifier puts in k
    /// (NaN for a class no sample asked for), so a report can say which classes a conditional generator draws badly.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length, or a requested label is outside the classes.</exception>
    public static double[] ByClass(ReadOnlySpan<int> predicted, ReadOnlySpan<int> requested, int classes)
    {
        RequireOneLabelPerSample(predicted, requested);
        var asked = new int[classes];
        var hits = new int[classes];
        for (int i = 0; i < requested.Length; i++)
        {
            int k = requested[i];
            if ((uint)k >= (uint)classes)
                throw new ArgumentException($"Requested label {k} of sample {i} is outside the classifier's {classes} classes.", nameof(requested));
            asked[k]++;
            if (predicted[i] == k) hits[k]++;
        }
        var result = new double[classes];
        for (int k = 0; k < classes; k++) result[k] = asked[k] == 0 ? double.NaN : (double)hits[k] / asked[k];
        return result;
    }

    private static void RequireOneLabelPerSample(ReadOnlySpan<int> predicted, ReadOnlySpan<int> requested)
    {
        if (predicted.Length != requested.Length)
            throw new ArgumentException($"Conditional accuracy needs one requested label per sample but got {requested.Length} labels for {predicted.Length} samples.", nameof(requested));
    }
}

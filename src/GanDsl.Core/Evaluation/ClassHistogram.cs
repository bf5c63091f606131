namespace GanDsl.Evaluation;

/// <summary>Predicted classes (arg-max of each row) and their histogram.</summary>
public static class ClassHistogram
{
    /// <summary>The arg-max of each row of [samples, <paramref name="classes"/>]; ties go to the lower class.</summary>
    public static int[] Predictions(ReadOnlySpan<float> probabilities, int classes)
    {
        int n = RowCount(probabilities.Length, classes);
        var predicted = new int[n];
        for (int i = 0; i < n; i++)
        {
            var row = probabilities.Slice(i * classes, classes);
            int best = 0;
            for (int k = 1; k < classes; k++) if (row[k] > row[best]) best = k;
            predicted[i] = best;
        }
        return predicted;
    }

    /// <summary>How many of <paramref name="labels"/> fall in each of <paramref name="classes"/> classes.</summary>
    public static int[] Counts(ReadOnlySpan<int> labels, int classes)
    {
        var counts = new int[classes];
        foreach (int label in labels)
        {
            if ((uint)label >= (uint)classes)
                throw new ArgumentOutOfRangeException(nameof(labels), $"Class {label} is outside [0, {classes}); pass labels of a {classes}-class classifier.");
            counts[label]++;
        }
        return counts;
    }

    internal static int RowCount(int length, int classes)
    {
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), $"A class metric needs at least 2 classes but got {classes}.");
        if (length == 0 || length % classes != 0)
            throw new ArgumentException($"{length} probabilities do not form a non-empty [samples, {classes}] matrix; pass one row of {classes} per sample.");
        return length / classes;
    }
}

namespace GanDsl.Evaluation;

/// <summary>
/// The classifier score (the Inception Score computed with a domain classifier): exp(mean over samples of
/// KL(p(y|x) ‖ p(y))), where p(y) is the mean prediction. Ranges from 1 (every sample predicted alike) to K classes.
/// </summary>
public static class ClassifierScore
{
    /// <summary>Score of <paramref name="probabilities"/>, row-major [samples, <paramref name="classes"/>], each row a distribution.</summary>
    public static double Compute(ReadOnlySpan<float> probabilities, int classes)
    {
        int n = ClassHistogram.RowCount(probabilities.Length, classes);
        var marginal = new double[classes];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < classes; k++) marginal[k] += probabilities[i * classes + k];
        for (int k = 0; k < classes; k++) marginal[k] /= n;

        double klSum = 0;
        for (int i = 0; i < n; i++)
            for (int k = 0; k < classes; k++)
            {
                double p = probabilities[i * classes + k];
                if (p > 0) klSum += p * (Math.Log(p) - Math.Log(marginal[k])); // 0·log 0 = 0; p > 0 implies marginal > 0
            }
        return Math.Exp(klSum / n);
    }
}

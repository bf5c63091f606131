namespace GanDsl.Evaluation;

/// <summary>Mean and covariance of a feature set in float64; the covariance is unbiased (divides by N − 1, as numpy.cov).</summary>
public sealed record GaussianStatistics(double[] Mean, double[,] Covariance)
{
    /// <summary>Number of features (the mean's length).</summary>
    public int Dimension => Mean.Length;

    /// <summary>The mean and unbiased covariance of <paramref name="features"/>' rows.</summary>
    /// <exception cref="ArgumentException">There are fewer than 2 rows.</exception>
    public static GaussianStatistics Of(FeatureMatrix features)
    {
        int n = features.Count, d = features.Dimension;
        if (n < 2) throw new ArgumentException($"Feature statistics need at least 2 samples but got {n}; evaluate more samples.", nameof(features));
        var mean = new double[d];
        for (int i = 0; i < n; i++)
        {
            var row = features.Row(i);
            for (int j = 0; j < d; j++) mean[j] += row[j];
        }
        for (int j = 0; j < d; j++) mean[j] /= n;

        var cov = new double[d, d];
        var centred = new double[d];
        for (int i = 0; i < n; i++)
        {
            var row = features.Row(i);
            for (int j = 0; j < d; j++) centred[j] = row[j] - mean[j];
            for (int j = 0; j < d; j++)
            {
                double cj = centred[j];
                for (int k = j; k < d; k++) cov[j, k] += cj * centred[k];
            }
        }
        for (int j = 0; j < d; j++)
            for (int k = j; k < d; k++)
                cov[k, j] = cov[j, k] /= n - 1;
        return new GaussianStatistics(mean, cov);
    }
}

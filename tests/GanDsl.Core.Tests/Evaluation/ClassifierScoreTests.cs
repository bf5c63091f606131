using GanDsl.Evaluation;

namespace GanDsl.Core.Tests.Evaluation;

public class ClassifierScoreTests
{
    [Fact]
    public void Confident_balanced_predictions_score_the_class_count_and_identical_ones_score_one()
    {
        const int k = 10;
        var balanced = new float[100 * k];
        for (int i = 0; i < 100; i++) balanced[i * k + i % k] = 1f;
        Assert.Equal(k, ClassifierScore.Compute(balanced, k), 10);

        var same = new float[50 * k];
        for (int i = 0; i < 50; i++) for (int c = 0; c < k; c++) same[i * k + c] = c == 0 ? 0.5f : 0.5f / (k - 1);
        Assert.Equal(1.0, ClassifierScore.Compute(same, k), 6);
    }

    [Fact]
    public void The_score_is_exp_of_the_mean_kl_divergence_to_the_marginal()
    {
        float[] p = [0.9f, 0.1f, 0.2f, 0.8f, 0.5f, 0.5f];
        double[] marginal = [((double)p[0] + p[2] + p[4]) / 3, ((double)p[1] + p[3] + p[5]) / 3];
        double kl = 0;
        for (int i = 0; i < 3; i++)
            for (int c = 0; c < 2; c++) kl += p[i * 2 + c] * Math.Log(p[i * 2 + c] / marginal[c]);
        Assert.Equal(Math.Exp(kl / 3), ClassifierScore.Compute(p, 2), 1e-12);
    }

    [Fact]
    public void A_ragged_probability_array_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => ClassifierScore.Compute(new float[7], 2));
        Assert.Contains("[samples, 2]", e.Message);
    }
}

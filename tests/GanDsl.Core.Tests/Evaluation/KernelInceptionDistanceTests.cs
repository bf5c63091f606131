using GanDsl.Evaluation;
using GanDsl.Tensors;

namespace GanDsl.Core.Tests.Evaluation;

public class KernelInceptionDistanceTests
{
    private static readonly double[] Unit8 = Enumerable.Repeat(1.0, 8).ToArray();

    [Fact]
    public void The_unbiased_estimator_matches_its_definition_term_by_term()
    {
        var rng = new Rng(2);
        var x = Synthetic.Gaussian(rng, 7, new double[3], [1, 1, 1]);
        var y = Synthetic.Gaussian(rng, 7, [1, 0, 0], [1, 2, 1]);
        double k(FeatureMatrix p, int i, FeatureMatrix q, int j) =>
            Math.Pow(Enumerable.Range(0, 3).Sum(c => p.Row(i)[c] * q.Row(j)[c]) / 3 + 1, 3);
        double xx = 0, yy = 0, xy = 0;
        for (int i = 0; i < 7; i++)
            for (int j = 0; j < 7; j++)
            {
                if (i != j) { xx += k(x, i, x, j); yy += k(y, i, y, j); }
                xy += k(x, i, y, j);
            }
        double expected = xx / 42 + yy / 42 - 2 * xy / 49;
        Assert.Equal(expected, KernelInceptionDistance.UnbiasedMmd2(x, y), 10);
    }

    [Fact]
    public void Samples_of_one_distribution_score_near_zero_and_a_shift_scores_clearly_above()
    {
        var rng = new Rng(4);
        var a = Synthetic.Gaussian(rng, 600, new double[8], Unit8);
        var b = Synthetic.Gaussian(rng, 600, new double[8], Unit8);
        var c = Synthetic.Gaussian(rng, 600, Enumerable.Repeat(0.5, 8).ToArray(), Unit8);
        var same = KernelInceptionDistance.Compute(a, b, seed: 1, subsets: 20, subsetSize: 300);
        var shifted = KernelInceptionDistance.Compute(a, c, seed: 1, subsets: 20, subsetSize: 300);
        Assert.True(Math.Abs(same.Mean) < 0.02, $"same distribution: KID {same.Mean}");
        Assert.True(shifted.Mean > 0.1, $"shifted distribution: KID {shifted.Mean}");
        Assert.True(shifted.Mean > 10 * Math.Max(Math.Abs(same.Mean), same.Std), $"shift {shifted.Mean} vs noise {same.Mean} ± {same.Std}");
        Assert.True(same.Std > 0 && shifted.Std > 0, "different subsets give different estimates, so the spread is positive");
    }

    [Fact]
    public void A_fixed_seed_gives_identical_results_and_another_seed_other_subsets()
    {
        var rng = new Rng(6);
        var a = Synthetic.Gaussian(rng, 300, new double[8], Unit8);
        var b = Synthetic.Gaussian(rng, 300, Enumerable.Repeat(0.2, 8).ToArray(), Unit8);
        var first = KernelInceptionDistance.Compute(a, b, seed: 7, subsets: 12, subsetSize: 100);
        var second = KernelInceptionDistance.Compute(a, b, seed: 7, subsets: 12, subsetSize: 100);
        var other = KernelInceptionDistance.Compute(a, b, seed: 8, subsets: 12, subsetSize: 100);
        Assert.Equal(first, second);
        Assert.NotEqual(first.Mean, other.Mean);
    }

    [Fact]
    public void Subsets_shrink_to_the_smaller_set_so_full_subsets_have_no_spread()
    {
        // With 50 and 80 samples the subsets hold 50: every subset of a is all of a, but b's subsets differ.
        var rng = new Rng(8);
        var a = Synthetic.Gaussian(rng, 50, new double[8], Unit8);
        var b = Synthetic.Gaussian(rng, 50, new double[8], Unit8);
        var both = KernelInceptionDistance.Compute(a, b, seed: 1, subsets: 5);
        Assert.Equal(KernelInceptionDistance.UnbiasedMmd2(a, b), both.Mean, 12); // the estimator is permutation invariant
        Assert.True(both.Std < 1e-12, $"std {both.Std}");
        var c = Synthetic.Gaussian(rng, 80, new double[8], Unit8);
        Assert.True(KernelInceptionDistance.Compute(a, c, seed: 1, subsets: 5).Std > 0);
    }

    [Fact]
    public void Too_few_samples_are_refused_with_a_message()
    {
        var rng = new Rng(1);
        var one = Synthetic.Gaussian(rng, 1, [0], [1]);
        var many = Synthetic.Gaussian(rng, 10, [0], [1]);
        var e = Assert.Throws<ArgumentException>(() => KernelInceptionDistance.Compute(one, many));
        Assert.Contains("at least 2 samples", e.Message);
    }
}

using GanDsl.Evaluation;

namespace GanDsl.Core.Tests.Evaluation;

public class CoverageTests
{
    [Fact]
    public void A_uniform_histogram_covers_fully_and_one_class_not_at_all()
    {
        var uniform = Enumerable.Range(0, 1000).Select(i => i % 10).ToArray();
        var full = Coverage.Compute(uniform, 10);
        Assert.Equal(1.0, full.Coverage, 12);
        Assert.Equal(10, full.ClassesCovered);
        Assert.Equal(new CoverageResult(0.0, 1), Coverage.Compute(Enumerable.Repeat(3, 500).ToArray(), 10));
    }

    [Fact]
    public void Classes_covered_counts_classes_with_at_least_five_percent()
    {
        // 100 samples: 5 in class 0 (exactly 5% counts), 4 in class 1 (below), the rest in class 2.
        var predicted = Enumerable.Repeat(0, 5).Concat(Enumerable.Repeat(1, 4)).Concat(Enumerable.Repeat(2, 91)).ToArray();
        var result = Coverage.Compute(predicted, 10);
        Assert.Equal(2, result.ClassesCovered);
        double expected = -(0.05 * Math.Log(0.05) + 0.04 * Math.Log(0.04) + 0.91 * Math.Log(0.91)) / Math.Log(10);
        Assert.Equal(expected, result.Coverage, 12);
    }

    [Fact]
    public void A_mixture_that_drops_half_the_classes_lowers_coverage_to_log_five_over_log_ten()
    {
        var all = Enumerable.Range(0, 1000).Select(i => i % 10).ToArray();
        var half = Enumerable.Range(0, 1000).Select(i => 2 * (i % 5)).ToArray();
        var full = Coverage.Compute(all, 10);
        var dropped = Coverage.Compute(half, 10);
        Assert.Equal(5, dropped.ClassesCovered);
        Assert.Equal(Math.Log(5) / Math.Log(10), dropped.Coverage, 12);
        Assert.True(dropped.Coverage < full.Coverage && dropped.ClassesCovered < full.ClassesCovered);
    }

    [Fact]
    public void Out_of_range_classes_and_empty_sets_are_refused()
    {
        Assert.Contains("outside [0, 10)", Assert.Throws<ArgumentOutOfRangeException>(() => Coverage.Compute([10], 10)).Message);
        Assert.Contains("at least one", Assert.Throws<ArgumentException>(() => Coverage.Compute([], 10)).Message);
    }
}

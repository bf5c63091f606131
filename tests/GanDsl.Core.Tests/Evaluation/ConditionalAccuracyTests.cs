using GanDsl.Evaluation;

namespace GanDsl.Core.Tests.Evaluation;

public class ConditionalAccuracyTests
{
    [Fact]
    public void Accuracy_is_the_fraction_of_samples_predicted_as_requested()
    {
        Assert.Equal(0.75, ConditionalAccuracy.Compute([1, 2, 3, 4], [1, 2, 3, 0]));
        Assert.Equal(1.0, ConditionalAccuracy.Compute([7], [7]));
    }

    [Fact]
    public void Arg_max_predictions_break_ties_towards_the_lower_class()
    {
        Assert.Equal([1, 0, 2], ClassHistogram.Predictions([0.2f, 0.7f, 0.1f, 0.4f, 0.4f, 0.2f, 0f, 0f, 1f], 3));
    }

    [Fact]
    public void A_label_count_that_differs_from_the_sample_count_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => ConditionalAccuracy.Compute([1, 2], [1]));
        Assert.Contains("1 labels for 2 samples", e.Message);
    }
}

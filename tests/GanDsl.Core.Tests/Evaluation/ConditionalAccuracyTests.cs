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

    [Fact]
    public void By_class_each_class_counts_only_the_samples_asked_for_it()
    {
        // Class 0: asked twice, right once; class 1: asked once, right; class 2: never asked (NaN).
        var byClass = ConditionalAccuracy.ByClass([0, 2, 1], [0, 0, 1], 3);
        Assert.Equal(0.5, byClass[0]);
        Assert.Equal(1.0, byClass[1]);
        Assert.True(double.IsNaN(byClass[2]));
    }

    [Fact]
    public void By_class_refuses_a_requested_label_outside_the_classes()
    {
        var e = Assert.Throws<ArgumentException>(() => ConditionalAccuracy.ByClass([0, 1], [0, 5], 3));
        Assert.Contains("label 5 of sample 1 is outside the classifier's 3 classes", e.Message);
    }
}

using GanDsl.Evaluation;

namespace GanDsl.Core.Tests.Evaluation;

public class QualityEvaluatorTests(TrainedTinyClassifier trained) : IClassFixture<TrainedTinyClassifier>
{
    private readonly float[] _reference = Synthetic.Quadrants(200, seed: 7).Images;

    [Fact]
    public void The_reference_scored_against_itself_is_at_zero_and_a_fresh_draw_close_to_it()
    {
        var self = QualityEvaluator.Evaluate(trained.Classifier, _reference, _reference);
        Assert.True(self.Fcd < 1e-6, $"fcd {self.Fcd}");
        Assert.Equal(1.0, self.Coverage, 6);
        Assert.Equal(Synthetic.ClassCount, self.ClassesCovered);
        Assert.Null(self.ConditionalAccuracy);
        Assert.Equal(200, self.Samples);

        var fresh = QualityEvaluator.Evaluate(trained.Classifier, Synthetic.Quadrants(200, seed: 8).Images, _reference);
        var noise = QualityEvaluator.Evaluate(trained.Classifier, Noise(200, seed: 9), _reference);
        var repeated = QualityEvaluator.Evaluate(trained.Classifier, Repeat(_reference.AsSpan(0, 784).ToArray(), 200), _reference);
        Assert.True(noise.Fcd > 10 * fresh.Fcd && repeated.Fcd > 10 * fresh.Fcd, $"fcd fresh {fresh.Fcd}, noise {noise.Fcd}, repeated {repeated.Fcd}");
        Assert.True(noise.Kid > fresh.Kid && repeated.Kid > fresh.Kid, $"kid fresh {fresh.Kid}, noise {noise.Kid}, repeated {repeated.Kid}");
        Assert.Equal(0.0, repeated.Coverage);
        Assert.Equal(1, repeated.ClassesCovered);
        Assert.True(fresh.ClassifierScore > 3 && repeated.ClassifierScore < 1.0001, $"score fresh {fresh.ClassifierScore}, repeated {repeated.ClassifierScore}");
    }

    [Fact]
    public void Dropping_half_the_classes_lowers_coverage_and_classes_covered()
    {
        var half = Synthetic.Quadrants(200, seed: 10, classes: [0, 3]).Images;
        var all = QualityEvaluator.Evaluate(trained.Classifier, Synthetic.Quadrants(200, seed: 10).Images, _reference);
        var dropped = QualityEvaluator.Evaluate(trained.Classifier, half, _reference);
        Assert.Equal(2, dropped.ClassesCovered);
        Assert.Equal(0.5, dropped.Coverage, 2); // log 2 / log 4
        Assert.True(dropped.Coverage < all.Coverage && dropped.ClassesCovered < all.ClassesCovered);
        Assert.True(dropped.Fcd > all.Fcd, $"dropping modes moves the feature distribution: {all.Fcd} → {dropped.Fcd}");
    }

    [Fact]
    public void Conditional_accuracy_counts_samples_classified_as_requested_and_the_report_is_deterministic()
    {
        var (images, labels) = Synthetic.Quadrants(100, seed: 11);
        var wrong = labels.Select(l => (l + 1) % Synthetic.ClassCount).ToArray();
        var right = QualityEvaluator.Evaluate(trained.Classifier, images, _reference, labels, seed: 3);
        Assert.True(right.ConditionalAccuracy >= 0.95, $"accuracy {right.ConditionalAccuracy}");
        Assert.Equal(Synthetic.ClassCount, right.ConditionalAccuracyByClass!.Count);
        Assert.Equal(right.ConditionalAccuracy!.Value, labels.Select(l => right.ConditionalAccuracyByClass[l]).Average(), 12);
        Assert.True(QualityEvaluator.Evaluate(trained.Classifier, images, _reference, wrong).ConditionalAccuracy <= 0.05);
        Assert.Equal(right.ToJson(), QualityEvaluator.Evaluate(trained.Classifier, images, _reference, labels, seed: 3).ToJson());
    }

    private static float[] Noise(int count, ulong seed)
    {
        var data = new float[count * 784];
        new GanDsl.Tensors.Rng(seed).FillUniform(data, -1f, 1f);
        return data;
    }

    private static float[] Repeat(float[] image, int count) => Enumerable.Repeat(image, count).SelectMany(x => x).ToArray();
}

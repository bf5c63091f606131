namespace GanDsl.Evaluation;

/// <summary>
/// Scores generated images against reference images (the test split) with a domain classifier:
/// <c>fcd</c> and <c>kid</c> on its features, <c>classifier_score</c> and <c>coverage</c> on its predictions, and
/// <c>conditional_accuracy</c> when the requested labels are given. Pure given the classifier, the images and the seed.
/// </summary>
public static class QualityEvaluator
{
    /// <summary>Embeds both image sets ([N, 1, 28, 28] in [−1, 1]) and scores them.</summary>
    public static QualityReport Evaluate(DomainClassifier classifier, float[] generated, float[] reference,
        int[]? requestedLabels = null, ulong seed = 0) =>
        Score(classifier.Embed(generated), classifier.Embed(reference), requestedLabels, seed);

    /// <summary>Scores precomputed classifier outputs, so a training loop can embed the reference set once.</summary>
    public static QualityReport Score(ClassifierOutputs generated, ClassifierOutputs reference, int[]? requestedLabels = null, ulong seed = 0)
    {
        if (generated.Classes != reference.Classes)
            throw new ArgumentException($"Both outputs must come from one classifier but have {generated.Classes} and {reference.Classes} classes.", nameof(reference));
        var predicted = generated.Predictions();
        var coverage = Coverage.Compute(predicted, generated.Classes);
        var kid = KernelInceptionDistance.Compute(generated.Features, reference.Features, seed);
        return new QualityReport(
            Fcd: FrechetDistance.Compute(generated.Features, reference.Features),
            Kid: kid.Mean,
            KidStd: kid.Std,
            ClassifierScore: ClassifierScore.Compute(generated.Probabilities, generated.Classes),
            Coverage: coverage.Coverage,
            ClassesCovered: coverage.ClassesCovered,
            ConditionalAccuracy: requestedLabels is null ? null : ConditionalAccuracy.Compute(predicted, requestedLabels),
            Samples: generated.Count)
        {
            ConditionalAccuracyByClass = requestedLabels is null ? null : ConditionalAccuracy.ByClass(predicted, requestedLabels, generated.Classes),
        };
    }
}

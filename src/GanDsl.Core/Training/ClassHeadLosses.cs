using GanDsl.Autograd;
using GanDsl.Nn;
using GanDsl.Tensors;

namespace GanDsl.Training;

/// <summary>
/// The term a discriminator with a class head (<see cref="LabelConditioning.AuxiliaryClassifier"/>,
/// <see cref="LabelConditioning.OneHotPlanesAndClassifier"/>) adds to the GAN losses: the mean softmax cross-entropy of its
/// class logits, weight 1. D learns to name the class of real images; G learns to draw fakes D names as the class asked
/// for. Unlike the AC-GAN paper, D does not also learn the fakes' asked classes: then its head learns whatever G draws for a
/// label as that label, and G is no longer pushed towards the real class (docs/quality.md measures both).
/// </summary>
public static class ClassHeadLosses
{
    /// <summary>CE(real logits, the real labels).</summary>
    public static Tensor Discriminator(Tensor realLogits, int[] realLabels) => SoftmaxCrossEntropy.Loss(realLogits, realLabels);

    /// <summary>CE(fake logits, the labels the fakes were drawn for).</summary>
    public static Tensor Generator(Tensor fakeLogits, int[] fakeLabels) => SoftmaxCrossEntropy.Loss(fakeLogits, fakeLabels);

    /// <summary>The labels of a batch D's class head must name; one sentence when the session brought none.</summary>
    internal static int[] Required(int[]? labels, string batch) => labels ?? throw new ArgumentException(
        $"The discriminator has a class head but the {batch} batch brings no labels; train it on a labelled dataset.", nameof(labels));
}

using GanDsl.Autograd;
using GanDsl.Nn;
using GanDsl.Tensors;

namespace GanDsl.Training;

/// <summary>
/// The class term an auxiliary-classifier discriminator (<see cref="LabelConditioning.AuxiliaryClassifier"/>, AC-GAN) adds to
/// the GAN losses: the mean softmax cross-entropy of its class logits. D learns to name the class of real samples and of
/// fakes alike; G learns to draw fakes D names as the class asked for. The weight is 1, as in the AC-GAN paper; the D term
/// is the mean of its two halves, matching the ½(real + fake) of <see cref="GanLosses.Discriminator"/>.
/// </summary>
public static class ClassHeadLosses
{
    /// <summary>½(CE(real logits, real labels) + CE(fake logits, the labels the fakes were drawn for)).</summary>
    public static Tensor Discriminator(Tensor realLogits, int[] realLabels, Tensor fakeLogits, int[] fakeLabels) =>
        Ops.Scale(Ops.Add(SoftmaxCrossEntropy.Loss(realLogits, realLabels), SoftmaxCrossEntropy.Loss(fakeLogits, fakeLabels)), 0.5f);

    /// <summary>CE(fake logits, the labels the fakes were drawn for).</summary>
    public static Tensor Generator(Tensor fakeLogits, int[] fakeLabels) => SoftmaxCrossEntropy.Loss(fakeLogits, fakeLabels);

    /// <summary>The labels of a batch D's class head must name; one sentence when the session brought none.</summary>
    internal static int[] Required(int[]? labels, string batch) => labels ?? throw new ArgumentException(
        $"The discriminator has a class head but the {batch} batch brings no labels; train it on a labelled dataset.", nameof(labels));
}

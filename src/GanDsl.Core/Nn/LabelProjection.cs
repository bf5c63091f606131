using GanDsl.Autograd;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>
/// The label term of a projection discriminator (Miyato and Koyama 2018): ⟨embed(y), h⟩ for features h [N, F], a score per
/// sample [N, 1] that the discriminator adds to its last Linear's output. The table [classes, F] is an nn.Embedding's weight
/// (its state dict name <c>weight</c>), drawn U(−1/√F, 1/√F) like the weight of the Linear(F, 1) it sits beside, so neither
/// term outweighs the other at the start.
/// </summary>
public sealed class LabelProjection : Module
{
    public LabelProjection(int classes, int features)
    {
        LayerValidation.RequirePositive("LabelProjection", nameof(classes), classes);
        LayerValidation.RequirePositive("LabelProjection", nameof(features), features);
        (Classes, Features) = (classes, features);
        Weight = RegisterParameter("weight", Tensor.Zeros(classes, features));
    }

    public int Classes { get; }
    public int Features { get; }
    public Tensor Weight { get; }

    /// <summary>Σ_f h[n, f]·weight[labels[n], f], as [N, 1].</summary>
    public Tensor Forward(Tensor features, int[] labels)
    {
        if (features.Rank != 2 || features.Shape[1] != Features)
            throw new ArgumentException($"LabelProjection({Classes}, {Features}) needs features [N, {Features}] but receives {features.Shape}.");
        if (labels.Length != features.Shape[0])
            throw new ArgumentException($"LabelProjection needs one label per sample but got {labels.Length} labels for {features.Shape[0]} samples.");
        return Ops.Sum(Ops.Mul(features, Ops.Embedding(Weight, labels)), 1, keepDim: true);
    }

    /// <summary>A projection needs labels; <see cref="Forward(Tensor, int[])"/> takes them.</summary>
    public override Tensor Forward(Tensor input) =>
        throw new InvalidOperationException("LabelProjection needs the labels too; call Forward(features, labels).");

    protected override void ResetParameters(Init scheme, Rng rng)
    {
        float bound = 1f / MathF.Sqrt(Features);
        rng.FillUniform(Weight.Data, -bound, bound);
    }
}

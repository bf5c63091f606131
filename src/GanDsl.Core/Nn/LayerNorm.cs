using GanDsl.Autograd;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>torch.nn.LayerNorm over each sample's whole shape (<see cref="NormalizedShape"/>, batch excluded).</summary>
public sealed class LayerNorm : Normalization
{
    /// <summary>Layer norm over samples shaped <paramref name="normalizedShape"/> (batch excluded), with a learnt affine of that shape unless switched off.</summary>
    public LayerNorm(int[] normalizedShape, bool elementwiseAffine = LayerNormLayer.DefaultElementwiseAffine)
        : base(Validated(normalizedShape, elementwiseAffine), elementwiseAffine)
    {
        NormalizedShape = (int[])normalizedShape.Clone();
    }

    /// <summary>The per-sample shape normalised.</summary>
    public IReadOnlyList<int> NormalizedShape { get; }

    /// <summary>Each sample normalised over all its elements, the same in training and eval mode.</summary>
    public override Tensor Forward(Tensor input)
    {
        RequireSample("LayerNorm", input, NormalizedShape, "samples shaped " + LayerSpec.FormatShape(NormalizedShape));
        return Normalize(input, 1, new Shape(NormalizedShape.ToArray()));
    }

    private static int[] Validated(int[] normalizedShape, bool elementwiseAffine)
    {
        LayerValidation.Require(LayerSpec.LayerNorm(elementwiseAffine), normalizedShape);
        return (int[])normalizedShape.Clone();
    }
}

using GanDsl.Autograd;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>torch.nn.LayerNorm over each sample's whole shape (<paramref name="normalizedShape"/>, batch excluded).</summary>
public sealed class LayerNorm : Normalization
{
    public LayerNorm(int[] normalizedShape, bool elementwiseAffine = LayerNormLayer.DefaultElementwiseAffine)
        : base(Validated(normalizedShape, elementwiseAffine), elementwiseAffine)
    {
        NormalizedShape = (int[])normalizedShape.Clone();
    }

    public IReadOnlyList<int> NormalizedShape { get; }

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

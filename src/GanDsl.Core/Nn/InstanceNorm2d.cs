using GanDsl.Autograd;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>torch.nn.InstanceNorm2d without running statistics: each channel of each sample normalised over its pixels.</summary>
public sealed class InstanceNorm2d : Normalization
{
    public InstanceNorm2d(int numFeatures, bool affine = InstanceNorm2dLayer.DefaultAffine) : base(Validated(numFeatures, affine), affine)
    {
        NumFeatures = numFeatures;
    }

    public int NumFeatures { get; }

    public override Tensor Forward(Tensor input)
    {
        if (input.Rank != 4 || input.Shape[1] != NumFeatures)
            throw new ArgumentException($"InstanceNorm2d({NumFeatures}) needs an input [N, {NumFeatures}, H, W] but receives {input.Shape}.");
        return Normalize(input, NumFeatures, ChannelView(input, NumFeatures));
    }

    private static int[] Validated(int numFeatures, bool affine)
    {
        LayerValidation.Require(LayerSpec.InstanceNorm2d(affine), numFeatures);
        return [numFeatures];
    }
}

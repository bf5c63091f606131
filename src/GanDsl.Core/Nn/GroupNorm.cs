using GanDsl.Autograd;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>
/// torch.nn.GroupNorm(num_groups, num_channels): the channels in <see cref="NumGroups"/> groups, each normalised over its
/// channels and positions. The module takes the channel count first, as every GanDsl module takes its input width first.
/// </summary>
public sealed class GroupNorm : Normalization
{
    public GroupNorm(int numChannels, int numGroups, bool affine = GroupNormLayer.DefaultAffine) : base(Validated(numChannels, numGroups, affine), affine)
    {
        (NumChannels, NumGroups) = (numChannels, numGroups);
    }

    public int NumChannels { get; }
    public int NumGroups { get; }

    public override Tensor Forward(Tensor input)
    {
        if (input.Rank < 2 || input.Shape[1] != NumChannels)
            throw new ArgumentException($"GroupNorm({NumGroups}) needs an input [N, {NumChannels}, …] but receives {input.Shape}.");
        return Normalize(input, NumGroups, ChannelView(input, NumChannels));
    }

    private static int[] Validated(int numChannels, int numGroups, bool affine)
    {
        var layer = LayerSpec.GroupNorm(numGroups, affine);
        LayerValidation.Require(layer, numChannels);
        if (numChannels % numGroups != 0)
            throw new ArgumentOutOfRangeException(nameof(numChannels),
                $"{layer.Describe()} needs a channel count divisible by num_groups {numGroups} but has {numChannels}; use a group count that divides {numChannels}.");
        return [numChannels];
    }
}

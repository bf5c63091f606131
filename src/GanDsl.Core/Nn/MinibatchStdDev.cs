using GanDsl.Autograd;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>ProGAN's minibatch standard deviation (<see cref="Ops.MinibatchStdDev"/>): [N, C, H, W] → [N, C + 1, H, W].</summary>
public sealed class MinibatchStdDev : Module
{
    /// <summary>The layer over groups of <paramref name="groupSize"/> samples (4 by default).</summary>
    public MinibatchStdDev(int groupSize = MinibatchStdDevLayer.DefaultGroupSize)
    {
        LayerValidation.Require(LayerSpec.MinibatchStdDev(groupSize));
        GroupSize = groupSize;
    }

    /// <summary>Samples per group whose standard deviation is taken.</summary>
    public int GroupSize { get; }

    /// <summary>[N, C, H, W] → [N, C + 1, H, W]; the added channel lets the discriminator see how varied a batch is.</summary>
    public override Tensor Forward(Tensor input) => Ops.MinibatchStdDev(input, GroupSize, (float)MinibatchStdDevLayer.Eps);
}

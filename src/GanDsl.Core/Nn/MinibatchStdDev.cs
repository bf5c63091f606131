using GanDsl.Autograd;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>ProGAN's minibatch standard deviation (<see cref="Ops.MinibatchStdDev"/>): [N, C, H, W] → [N, C + 1, H, W].</summary>
public sealed class MinibatchStdDev : Module
{
    public MinibatchStdDev(int groupSize = MinibatchStdDevLayer.DefaultGroupSize)
    {
        LayerValidation.Require(LayerSpec.MinibatchStdDev(groupSize));
        GroupSize = groupSize;
    }

    public int GroupSize { get; }

    public override Tensor Forward(Tensor input) => Ops.MinibatchStdDev(input, GroupSize, (float)MinibatchStdDevLayer.Eps);
}

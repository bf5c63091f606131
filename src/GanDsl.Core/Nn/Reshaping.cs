using GanDsl.Autograd;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>[N, …] → [N, product of the rest].</summary>
public sealed class Flatten : Module
{
    /// <summary>The input with every dimension after the batch merged into one.</summary>
    public override Tensor Forward(Tensor input) => Ops.Flatten(input);
}

/// <summary>[N, …] → [N, dims…]; the batch dimension is kept and not listed.</summary>
public sealed class Reshape : Module
{
    /// <summary>Reshapes each sample to <paramref name="dims"/>; throws <see cref="ArgumentOutOfRangeException"/> when a dimension is not positive.</summary>
    public Reshape(params int[] dims)
    {
        LayerValidation.Require(LayerSpec.Reshape(dims));
        Dims = (int[])dims.Clone();
    }

    /// <summary>The per-sample shape after the layer.</summary>
    public IReadOnlyList<int> Dims { get; }

    /// <summary>The input as [N, dims…]; throws <see cref="ArgumentException"/> when a sample's element count differs from the target's.</summary>
    public override Tensor Forward(Tensor input)
    {
        var target = new int[Dims.Count + 1];
        target[0] = input.Shape[0];
        for (int i = 0; i < Dims.Count; i++) target[i + 1] = Dims[i];
        var shape = new Shape(target);
        if (shape.Size != input.Size)
            throw new ArgumentException($"Reshape({string.Join(", ", Dims)}) receives {input.Shape} whose {input.Size / Math.Max(1, input.Shape[0])} elements per sample differ from the {shape.Size / Math.Max(1, input.Shape[0])} it produces.");
        return Ops.Reshape(input, shape);
    }
}

/// <summary>Nearest-neighbour upsampling by an integer factor.</summary>
public sealed class Upsample : Module
{
    /// <summary>Upsampling by <paramref name="scaleFactor"/>; throws <see cref="ArgumentOutOfRangeException"/> when it is not positive.</summary>
    public Upsample(int scaleFactor)
    {
        LayerValidation.Require(LayerSpec.Upsample(scaleFactor));
        ScaleFactor = scaleFactor;
    }

    /// <summary>Factor by which height and width grow.</summary>
    public int ScaleFactor { get; }
    /// <summary>[N, C, H, W] → [N, C, H·factor, W·factor], each pixel repeated.</summary>
    public override Tensor Forward(Tensor input) => Ops.UpsampleNearest(input, ScaleFactor);
}

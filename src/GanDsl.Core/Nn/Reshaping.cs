using GanDsl.Autograd;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>[N, …] → [N, product of the rest].</summary>
public sealed class Flatten : Module
{
    public override Tensor Forward(Tensor input) => Ops.Flatten(input);
}

/// <summary>[N, …] → [N, dims…]; the batch dimension is kept and not listed.</summary>
public sealed class Reshape : Module
{
    public Reshape(params int[] dims)
    {
        LayerValidation.Require(LayerSpec.Reshape(dims));
        Dims = (int[])dims.Clone();
    }

    public IReadOnlyList<int> Dims { get; }

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
    public Upsample(int scaleFactor)
    {
        LayerValidation.Require(LayerSpec.Upsample(scaleFactor));
        ScaleFactor = scaleFactor;
    }

    public int ScaleFactor { get; }
    public override Tensor Forward(Tensor input) => Ops.UpsampleNearest(input, ScaleFactor);
}

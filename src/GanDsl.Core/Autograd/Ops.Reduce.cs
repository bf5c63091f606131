using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using GanDsl.Tensors;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Autograd;

public static partial class Ops
{
    /// <summary>The sum of all elements, as a scalar tensor.</summary>
    public static Tensor Sum(Tensor x)
    {
        var r = Tensor.Scalar(TensorPrimitives.Sum(x.Data));
        return Recorder.Record(r, "sum", x, g => Expand(g, x.Shape));
    }

    /// <summary>The mean of all elements, as a scalar tensor.</summary>
    public static Tensor Mean(Tensor x)
    {
        if (x.Size == 0) throw new ArgumentException("mean: the tensor is empty.");
        return Scale(Sum(x), 1f / x.Size);
    }

    /// <summary>Sum along one axis; with <paramref name="keepDim"/> the axis stays with size 1.</summary>
    public static Tensor Sum(Tensor x, int axis, bool keepDim = false)
    {
        axis = NormalizeAxis("sum", x.Shape, axis);
        var kept = SumTo(x, x.Shape.With(axis, 1));
        return keepDim ? kept : Reshape(kept, WithoutAxis(x.Shape, axis));
    }

    /// <summary>
    /// The mean along <paramref name="axis"/> (negative counts from the end); the axis is removed unless
    /// <paramref name="keepDim"/>, which keeps it with length 1 (<c>torch.mean(x, dim, keepdim)</c>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside the tensor's dimensions.</exception>
    public static Tensor Mean(Tensor x, int axis, bool keepDim = false)
    {
        axis = NormalizeAxis("mean", x.Shape, axis);
        return Scale(Sum(x, axis, keepDim), 1f / x.Shape[axis]);
    }

    /// <summary>Sums a broadcast result back to the shape of the operand that was broadcast (the adjoint of <see cref="Expand"/>).</summary>
    public static Tensor SumTo(Tensor x, Shape shape)
    {
        if (x.Shape == shape) return x;
        var r = Tensor.Pooled(shape);
        Elementwise.SumTo(x, r);
        return Recorder.Record(r, "sum_to", x, g => Expand(g, x.Shape));
    }

    /// <summary>Broadcasts x to a larger shape (the adjoint of <see cref="SumTo"/>).</summary>
    public static Tensor Expand(Tensor x, Shape shape)
    {
        if (x.Shape == shape) return x;
        if (Broadcasting.ResultShape("expand", x.Shape, shape) != shape)
            throw new ArgumentException($"expand: shape {x.Shape} cannot be broadcast to {shape}.");
        var r = Tensor.Pooled(shape, clear: false); // Expand writes every element
        Elementwise.Expand(x, r);
        return Recorder.Record(r, "expand", x, g => SumTo(g, x.Shape));
    }

    private static int NormalizeAxis(string op, Shape shape, int axis)
    {
        int a = axis < 0 ? axis + shape.Rank : axis;
        if (a < 0 || a >= shape.Rank)
            throw new ArgumentOutOfRangeException(nameof(axis), $"{op}: axis {axis} is out of range for shape {shape}.");
        return a;
    }

    private static Shape WithoutAxis(Shape shape, int axis)
    {
        var dims = new List<int>(shape.ToArray());
        dims.RemoveAt(axis);
        return new Shape(dims.ToArray());
    }
}

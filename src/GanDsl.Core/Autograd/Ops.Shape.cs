using GanDsl.Tensors;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Autograd;

public static partial class Ops
{
    /// <summary>Same values, new shape (one dimension may be −1: inferred). Shares the buffer.</summary>
    public static Tensor Reshape(Tensor x, params int[] dims) => Reshape(x, ResolveDims(x.Shape, dims));

    /// <summary>Same values viewed as <paramref name="shape"/>, sharing the buffer (<c>torch.reshape</c> on a contiguous tensor).</summary>
    /// <exception cref="ArgumentException"><paramref name="shape"/> holds a different number of elements.</exception>
    public static Tensor Reshape(Tensor x, Shape shape)
    {
        if (shape.Size != x.Size)
            throw new ArgumentException($"reshape: cannot view {x.Shape} ({x.Size} elements) as {shape} ({shape.Size} elements).");
        if (shape == x.Shape) return x;
        return Recorder.Record(new Tensor(shape, x.Data), "reshape", x, g => Reshape(g, x.Shape));
    }

    /// <summary>Keeps the batch dimension and flattens the rest: [N, C, H, W] → [N, C·H·W].</summary>
    public static Tensor Flatten(Tensor x)
    {
        if (x.Rank < 1) throw new ArgumentException($"flatten: needs a batched tensor but the shape is {x.Shape}.");
        return Reshape(x, x.Shape[0], x.Rank == 1 ? 1 : x.Size / Math.Max(1, x.Shape[0]));
    }

    private static Shape ResolveDims(Shape from, int[] dims)
    {
        int inferred = Array.IndexOf(dims, -1);
        if (inferred < 0) return new Shape(dims);
        long known = 1;
        for (int i = 0; i < dims.Length; i++) if (i != inferred) known *= dims[i];
        if (known == 0 || from.Size % known != 0)
            throw new ArgumentException($"reshape: cannot view {from} ({from.Size} elements) as [{string.Join(", ", dims)}].");
        var resolved = (int[])dims.Clone();
        resolved[inferred] = (int)(from.Size / known);
        return Shape.Owning(resolved);
    }

    /// <summary>Joins tensors along an axis; every other dimension must agree.</summary>
    public static Tensor Concat(IReadOnlyList<Tensor> parts, int axis)
    {
        if (parts.Count == 0) throw new ArgumentException("concat: needs at least one tensor.");
        var first = parts[0].Shape;
        axis = NormalizeAxis("concat", first, axis);
        int total = 0;
        foreach (var p in parts)
        {
            bool compatible = p.Rank == first.Rank;
            for (int d = 0; compatible && d < first.Rank; d++) compatible = d == axis || p.Shape[d] == first[d];
            if (!compatible)
                throw new ArgumentException($"concat: shapes {first} and {p.Shape} differ outside axis {axis}.");
            total += p.Shape[axis];
        }
        var result = Tensor.Pooled(first.With(axis, total));
        int outer = 1;
        for (int d = 0; d < axis; d++) outer *= first[d];
        int inner = first.Stride(axis);
        int outRow = total * inner;
        int offset = 0;
        foreach (var p in parts)
        {
            int row = p.Shape[axis] * inner;
            for (int o = 0; o < outer; o++)
                Array.Copy(p.Data, o * row, result.Data, o * outRow + offset, row);
            offset += row;
        }
        var inputs = parts.ToArray();
        return Recorder.Record(result, "concat", inputs, g =>
        {
            var grads = new Tensor?[inputs.Length];
            int start = 0;
            for (int i = 0; i < inputs.Length; i++)
            {
                int len = inputs[i].Shape[axis];
                if (inputs[i].RequiresGrad) grads[i] = Narrow(g, axis, start, len);
                start += len;
            }
            return grads;
        });
    }

    /// <summary>The slice [start, start + length) along an axis, as a new tensor.</summary>
    public static Tensor Narrow(Tensor x, int axis, int start, int length)
    {
        axis = NormalizeAxis("narrow", x.Shape, axis);
        if (start < 0 || length < 0 || start + length > x.Shape[axis])
            throw new ArgumentOutOfRangeException(nameof(start), $"narrow: [{start}, {start + length}) is outside axis {axis} of {x.Shape}.");
        var outShape = x.Shape.With(axis, length);
        var index = BufferScope.RentIndices(outShape.Size); // every element written below
        int inner = x.Shape.Stride(axis);
        int outer = outShape.Size / Math.Max(1, length * inner);
        int i = 0;
        for (int o = 0; o < outer; o++)
            for (int a = 0; a < length; a++)
                for (int k = 0; k < inner; k++)
                    index[i++] = (o * x.Shape[axis] + start + a) * inner + k;
        return Gather(x, index, outShape);
    }

    /// <summary>
    /// out[i] = x.flat[index[i]]: the linear core of slicing, pooling, upsampling and embedding lookup. When the index map
    /// keeps each of <paramref name="planes"/> output planes inside its input plane (pooling, upsampling), the planes run
    /// in parallel, the adjoint's too.
    /// </summary>
    internal static Tensor Gather(Tensor x, int[] index, Shape outShape, int planes = 1)
    {
        var r = Tensor.Pooled(outShape, clear: false); // every element is written
        PlaneGatherKernel.Gather(x.Data, index, r.Data, planes);
        return Recorder.Record(r, "gather", x, g => ScatterAdd(g, index, x.Shape, planes));
    }

    /// <summary>out.flat[index[i]] += g[i] (the adjoint of <see cref="Gather"/>, over the same planes).</summary>
    internal static Tensor ScatterAdd(Tensor g, int[] index, Shape outShape, int planes = 1)
    {
        var r = Tensor.Pooled(outShape, clear: false); // cleared plane by plane by the parts that scatter into it
        PlaneGatherKernel.ScatterAdd(g.Data, index, r.Data, planes);
        return Recorder.Record(r, "scatter_add", g, h => Gather(h, index, g.Shape, planes));
    }

    /// <summary>Rows of an embedding table: [numEmbeddings, dim] indexed by labels → [N, dim].</summary>
    public static Tensor Embedding(Tensor weight, int[] indices)
    {
        if (weight.Rank != 2) throw new ArgumentException($"embedding: the weight must be [numEmbeddings, dim] but is {weight.Shape}.");
        int n = weight.Shape[0], dim = weight.Shape[1];
        var index = BufferScope.RentIndices(indices.Length * dim); // every element written below
        for (int i = 0; i < indices.Length; i++)
        {
            if ((uint)indices[i] >= (uint)n)
                throw new ArgumentOutOfRangeException(nameof(indices), $"embedding: index {indices[i]} is outside [0, {n}).");
            for (int j = 0; j < dim; j++) index[i * dim + j] = indices[i] * dim + j;
        }
        return Gather(weight, index, new Shape(indices.Length, dim));
    }

    /// <summary>
    /// Label planes that name no class, all zero [count, classes, H, W]: what a discriminator with one-hot planes sees when its
    /// class head must tell the class from the image alone (a constant).
    /// </summary>
    public static Tensor BlankPlanes(int count, int classes, int height, int width) =>
        Tensor.Pooled(new Shape(count, classes, height, width));

    /// <summary>Class labels as one-hot planes [N, classes, H, W] (a constant: labels carry no gradient).</summary>
    public static Tensor OneHotPlanes(int[] labels, int classes, int height, int width)
    {
        RequireClasses(labels, classes);
        var r = Tensor.Pooled(new Shape(labels.Length, classes, height, width));
        int plane = height * width;
        for (int i = 0; i < labels.Length; i++) Array.Fill(r.Data, 1f, (i * classes + labels[i]) * plane, plane);
        return r;
    }

    /// <summary>Throws the one-hot planes' sentence for a label outside [0, <paramref name="classes"/>).</summary>
    private static void RequireClasses(int[] labels, int classes)
    {
        foreach (int label in labels)
            if ((uint)label >= (uint)classes)
                throw new ArgumentOutOfRangeException(nameof(labels), $"one_hot: label {label} is outside [0, {classes}).");
    }
}

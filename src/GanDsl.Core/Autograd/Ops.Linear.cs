using GanDsl.Tensors;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Autograd;

public static partial class Ops
{
    /// <summary>op(a) · op(b) for 2-D tensors, where op transposes when asked.</summary>
    public static Tensor MatMul(Tensor a, Tensor b, bool transA = false, bool transB = false)
    {
        if (a.Rank != 2 || b.Rank != 2)
            throw new ArgumentException($"matmul: needs two matrices but got {a.Shape} and {b.Shape}.");
        int m = transA ? a.Shape[1] : a.Shape[0], k = transA ? a.Shape[0] : a.Shape[1];
        int kb = transB ? b.Shape[1] : b.Shape[0], n = transB ? b.Shape[0] : b.Shape[1];
        if (k != kb)
            throw new ArgumentException(
                $"matmul: {a.Shape}{(transA ? "ᵀ" : "")} · {b.Shape}{(transB ? "ᵀ" : "")} needs matching inner sizes but they are {k} and {kb}.");
        var c = Tensor.Pooled(Shape.Owning(m, n), clear: false); // the GEMM overwrites C
        Gemm.Multiply(transA, transB, m, n, k, a.Data, b.Data, c.Data);
        return Recorder.Record(c, "matmul", a, b, g => (
            a.RequiresGrad ? (transA ? MatMul(b, g, transB, true) : MatMul(g, b, false, !transB)) : null,
            b.RequiresGrad ? (transB ? LeafMatMul(b, g, a, true, transA) : LeafMatMul(b, a, g, !transA, false)) : null));
    }

    /// <summary>
    /// op(x)·op(y) as the gradient of <paramref name="leaf"/> (a weight). During <see cref="Engine.Backward"/> the product
    /// goes straight into the leaf's <see cref="Tensor.Grad"/> (overwriting a zeroed gradient, adding to a live one) and
    /// null is returned, which saves a temporary, a copy and, for a weight used twice, an add.
    /// </summary>
    private static Tensor? LeafMatMul(Tensor leaf, Tensor x, Tensor y, bool transX, bool transY)
    {
        if (!leaf.IsLeaf || !Engine.WritesLeafGradientsInPlace) return MatMul(x, y, transX, transY);
        int m = transX ? x.Shape[1] : x.Shape[0], k = transX ? x.Shape[0] : x.Shape[1], n = transY ? y.Shape[0] : y.Shape[1];
        var (buffer, accumulate) = leaf.GradTarget();
        Gemm.Multiply(transX, transY, m, n, k, x.Data, y.Data, buffer, accumulate);
        return null;
    }

    /// <summary>x · Wᵀ + b, PyTorch's linear: x [N, in], weight [out, in], bias [out].</summary>
    public static Tensor Linear(Tensor x, Tensor weight, Tensor? bias = null)
    {
        if (x.Rank != 2 || weight.Rank != 2 || x.Shape[1] != weight.Shape[1])
            throw new ArgumentException($"linear: input {x.Shape} does not fit weight {weight.Shape}; the input must be [N, {(weight.Rank == 2 ? weight.Shape[1] : -1)}].");
        if (bias is not null && (bias.Rank != 1 || bias.Shape[0] != weight.Shape[0]))
            throw new ArgumentException($"linear: bias {bias.Shape} does not fit weight {weight.Shape}; it must be [{weight.Shape[0]}].");
        if (bias is null) return MatMul(x, weight, transB: true);

        // One op rather than matmul + add: the bias is added in place into the product (a buffer no one else has seen),
        // which saves a tensor and a pass; the values are the same two roundings, product then sum.
        int n = x.Shape[0], fanIn = x.Shape[1], fanOut = weight.Shape[0];
        var y = Tensor.Pooled(Shape.Owning(n, fanOut), clear: false);
        Gemm.Multiply(false, true, n, fanOut, fanIn, x.Data, weight.Data, y.Data);
        Elementwise.Binary<AddOp>(y, bias, y);
        return Recorder.Record(y, "linear", new[] { x, weight, bias }, g => new[]
        {
            x.RequiresGrad ? MatMul(g, weight) : null,
            weight.RequiresGrad ? LeafMatMul(weight, g, x, true, false) : null,
            bias.RequiresGrad ? SumTo(g, bias.Shape) : null,
        });
    }
}

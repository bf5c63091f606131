using GanDsl.Tensors;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Autograd;

/// <summary>
/// Differentiable tensor operations. Each op computes its result with a kernel and records a backward rule. Under
/// <c>createGraph</c> every rule records what it computes, so the backward pass is itself differentiable; without it,
/// some rules take an unrecorded shortcut (a fused kernel, or a weight gradient written straight into its Grad).
/// </summary>
public static partial class Ops
{
    /// <summary>a + b element-wise, broadcasting as PyTorch does (<c>torch.add</c>).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static Tensor Add(Tensor a, Tensor b) =>
        Recorder.Record(Binary<AddOp>("add", a, b), "add", a, b, g => (
            a.RequiresGrad ? SumTo(g, a.Shape) : null,
            b.RequiresGrad ? SumTo(g, b.Shape) : null)); // a frozen bias needs no column sums

    /// <summary>a − b element-wise, broadcasting as PyTorch does (<c>torch.sub</c>).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static Tensor Sub(Tensor a, Tensor b) =>
        Recorder.Record(Binary<SubOp>("sub", a, b), "sub", a, b, g => (
            a.RequiresGrad ? SumTo(g, a.Shape) : null,
            b.RequiresGrad ? SumTo(Neg(g), b.Shape) : null));

    /// <summary>a · b element-wise (not a matrix product), broadcasting as PyTorch does (<c>torch.mul</c>).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static Tensor Mul(Tensor a, Tensor b) =>
        Recorder.Record(Binary<MulOp>("mul", a, b), "mul", a, b, g => (
            a.RequiresGrad ? SumTo(Mul(g, b), a.Shape) : null,
            b.RequiresGrad ? SumTo(Mul(g, a), b.Shape) : null));

    /// <summary>a / b element-wise, broadcasting as PyTorch does (<c>torch.div</c>).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static Tensor Div(Tensor a, Tensor b) =>
        Recorder.Record(Binary<DivOp>("div", a, b), "div", a, b, g => (
            a.RequiresGrad ? SumTo(Div(g, b), a.Shape) : null,
            b.RequiresGrad ? SumTo(Neg(Div(Mul(g, a), Mul(b, b))), b.Shape) : null));

    /// <summary>−x.</summary>
    public static Tensor Neg(Tensor x) => Scale(x, -1f);

    /// <summary>x · s for a constant s.</summary>
    public static Tensor Scale(Tensor x, float s)
    {
        var r = Tensor.Pooled(x.Shape, clear: false);
        System.Numerics.Tensors.TensorPrimitives.Multiply(x.Data, s, r.Data);
        return Recorder.Record(r, "scale", x, g => Scale(g, s));
    }

    /// <summary>x + s for a constant s.</summary>
    public static Tensor AddScalar(Tensor x, float s)
    {
        var r = Tensor.Pooled(x.Shape, clear: false);
        System.Numerics.Tensors.TensorPrimitives.Add(x.Data, s, r.Data);
        return Recorder.Record(r, "add_scalar", x, g => g);
    }

    /// <summary>s − x for a constant s.</summary>
    public static Tensor RSub(float s, Tensor x) => AddScalar(Neg(x), s);

    /// <summary>x² element-wise.</summary>
    public static Tensor Square(Tensor x) => Mul(x, x);

    private static Tensor Binary<TOp>(string op, Tensor a, Tensor b) where TOp : struct, IBinary
    {
        var result = Tensor.Pooled(Broadcasting.ResultShape(op, a.Shape, b.Shape), clear: false); // every path writes each element
        Elementwise.Binary<TOp>(a, b, result);
        return result;
    }
}

using System.Numerics.Tensors;

namespace GanDsl.Tensors.Kernels;

/// <summary>A binary float function specialised by the JIT through a struct type parameter.</summary>
public interface IBinary
{
    /// <summary>The function's value at (<paramref name="a"/>, <paramref name="b"/>).</summary>
    static abstract float Apply(float a, float b);
}

/// <summary>a + b, as a type argument for <see cref="Elementwise.Binary{TOp}"/>.</summary>
public struct AddOp : IBinary
{
    /// <inheritdoc/>
    public static float Apply(float a, float b) => a + b;
}

/// <summary>a − b, as a type argument for <see cref="Elementwise.Binary{TOp}"/>.</summary>
public struct SubOp : IBinary
{
    /// <inheritdoc/>
    public static float Apply(float a, float b) => a - b;
}

/// <summary>a · b, as a type argument for <see cref="Elementwise.Binary{TOp}"/>.</summary>
public struct MulOp : IBinary
{
    /// <inheritdoc/>
    public static float Apply(float a, float b) => a * b;
}

/// <summary>a / b, as a type argument for <see cref="Elementwise.Binary{TOp}"/>.</summary>
public struct DivOp : IBinary
{
    /// <inheritdoc/>
    public static float Apply(float a, float b) => a / b;
}

/// <summary>Element-wise kernels with broadcasting; same-shape and scalar cases take vectorised paths.</summary>
public static class Elementwise
{
    /// <summary>
    /// Writes <c>TOp(a, b)</c> into <paramref name="result"/>, broadcasting <paramref name="a"/> and <paramref name="b"/> to its
    /// shape with PyTorch's rules; <paramref name="result"/> must already have the broadcast shape.
    /// </summary>
    public static void Binary<TOp>(Tensor a, Tensor b, Tensor result) where TOp : struct, IBinary
    {
        var r = result.Data.AsSpan();
        if (a.Shape == b.Shape)
        {
            Rows<TOp>(a.Data, b.Data, r);
            return;
        }
        if (b.Size == 1 && a.Shape == result.Shape)
        {
            WithScalar<TOp>(a.Data, b.Data[0], r, scalarOnLeft: false);
            return;
        }
        if (a.Size == 1 && b.Shape == result.Shape)
        {
            WithScalar<TOp>(b.Data, a.Data[0], r, scalarOnLeft: true);
            return;
        }
        if (a.Shape == result.Shape && Broadcasting.TryBlock(b.Shape, result.Shape, out int outer, out int mid, out int inner))
        {
            BlockBinary<TOp>(a.Data, b.Data, r, outer, mid, inner, smallOnLeft: false);
            return;
        }
        if (b.Shape == result.Shape && Broadcasting.TryBlock(a.Shape, result.Shape, out outer, out mid, out inner))
        {
            BlockBinary<TOp>(b.Data, a.Data, r, outer, mid, inner, smallOnLeft: true);
            return;
        }
        var ia = new int[r.Length];
        var ib = new int[r.Length];
        Broadcasting.SourceIndices(a.Shape, result.Shape, ia);
        Broadcasting.SourceIndices(b.Shape, result.Shape, ib);
        for (int i = 0; i < r.Length; i++) r[i] = TOp.Apply(a.Data[ia[i]], b.Data[ib[i]]);
    }

    // Each element is one IEEE operation whichever loop computes it, so the vector paths give the scalar loop's bits.
    private static void BlockBinary<TOp>(float[] full, float[] small, Span<float> r, int outer, int mid, int inner, bool smallOnLeft)
        where TOp : struct, IBinary
    {
        if (inner == 1) // a row vector broadcast down the rows (a linear layer's bias): vector op per row
        {
            for (int o = 0, at = 0; o < outer; o++, at += mid)
                if (smallOnLeft) Rows<TOp>(small, full.AsSpan(at, mid), r.Slice(at, mid));
                else Rows<TOp>(full.AsSpan(at, mid), small, r.Slice(at, mid));
            return;
        }
        for (int o = 0, at = 0; o < outer; o++)
            for (int m = 0; m < mid; m++, at += inner)
                WithScalar<TOp>(full.AsSpan(at, inner), small[m], r.Slice(at, inner), smallOnLeft);
    }

    private static void Rows<TOp>(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> r) where TOp : struct, IBinary
    {
        if (typeof(TOp) == typeof(AddOp)) TensorPrimitives.Add(a, b, r);
        else if (typeof(TOp) == typeof(SubOp)) TensorPrimitives.Subtract(a, b, r);
        else if (typeof(TOp) == typeof(MulOp)) TensorPrimitives.Multiply(a, b, r);
        else if (typeof(TOp) == typeof(DivOp)) TensorPrimitives.Divide(a, b, r);
        else for (int i = 0; i < r.Length; i++) r[i] = TOp.Apply(a[i], b[i]);
    }

    private static void WithScalar<TOp>(ReadOnlySpan<float> x, float s, Span<float> r, bool scalarOnLeft) where TOp : struct, IBinary
    {
        if (typeof(TOp) == typeof(AddOp)) TensorPrimitives.Add(x, s, r);
        else if (typeof(TOp) == typeof(MulOp)) TensorPrimitives.Multiply(x, s, r);
        else if (typeof(TOp) == typeof(SubOp) && scalarOnLeft) TensorPrimitives.Subtract(s, x, r);
        else if (typeof(TOp) == typeof(SubOp)) TensorPrimitives.Subtract(x, s, r);
        else if (typeof(TOp) == typeof(DivOp) && scalarOnLeft) TensorPrimitives.Divide(s, x, r);
        else if (typeof(TOp) == typeof(DivOp)) TensorPrimitives.Divide(x, s, r);
        else if (scalarOnLeft) for (int i = 0; i < r.Length; i++) r[i] = TOp.Apply(s, x[i]);
        else for (int i = 0; i < r.Length; i++) r[i] = TOp.Apply(x[i], s);
    }

    /// <summary>Sums <paramref name="source"/> over the dimensions along which <paramref name="target"/> was broadcast to it.</summary>
    public static void SumTo(Tensor source, Tensor target)
    {
        var t = target.Data.AsSpan();
        t.Clear();
        if (target.Size == 1)
        {
            t[0] = TensorPrimitives.Sum(source.Data);
            return;
        }
        if (Broadcasting.TryBlock(target.Shape, source.Shape, out int outer, out int mid, out int inner))
        {
            var src = source.Data;
            int at = 0;
            if (inner == 1) // column sums (a bias gradient): rows added in order, element by element, as the scalar loop did
            {
                for (int o = 0; o < outer; o++, at += mid) TensorPrimitives.Add(t, src.AsSpan(at, mid), t);
                return;
            }
            for (int o = 0; o < outer; o++)
                for (int m = 0; m < mid; m++, at += inner)
                    t[m] += TensorPrimitives.Sum(src.AsSpan(at, inner));
            return;
        }
        var idx = new int[source.Size];
        Broadcasting.SourceIndices(target.Shape, source.Shape, idx);
        var s = source.Data;
        for (int i = 0; i < s.Length; i++) t[idx[i]] += s[i];
    }

    /// <summary>Copies <paramref name="source"/> into the larger <paramref name="target"/> shape by broadcasting.</summary>
    public static void Expand(Tensor source, Tensor target)
    {
        if (Broadcasting.TryBlock(source.Shape, target.Shape, out int outer, out int mid, out int inner))
        {
            var src = source.Data;
            var dst = target.Data.AsSpan();
            int at = 0;
            for (int o = 0; o < outer; o++)
                for (int m = 0; m < mid; m++, at += inner)
                    dst.Slice(at, inner).Fill(src[m]);
            return;
        }
        if (source.Size == 1)
        {
            Array.Fill(target.Data, source.Data[0]);
            return;
        }
        var idx = new int[target.Size];
        Broadcasting.SourceIndices(source.Shape, target.Shape, idx);
        var s = source.Data;
        var t = target.Data;
        for (int i = 0; i < t.Length; i++) t[i] = s[idx[i]];
    }
}

using System.Numerics.Tensors;

namespace GanDsl.Tensors.Kernels;

/// <summary>A binary float function specialised by the JIT through a struct type parameter.</summary>
public interface IBinary
{
    static abstract float Apply(float a, float b);
}

public struct AddOp : IBinary { public static float Apply(float a, float b) => a + b; }
public struct SubOp : IBinary { public static float Apply(float a, float b) => a - b; }
public struct MulOp : IBinary { public static float Apply(float a, float b) => a * b; }
public struct DivOp : IBinary { public static float Apply(float a, float b) => a / b; }

/// <summary>Element-wise kernels with broadcasting; same-shape and scalar cases take vectorised paths.</summary>
public static class Elementwise
{
    public static void Binary<TOp>(Tensor a, Tensor b, Tensor result) where TOp : struct, IBinary
    {
        var r = result.Data.AsSpan();
        if (a.Shape == b.Shape)
        {
            if (typeof(TOp) == typeof(AddOp)) TensorPrimitives.Add(a.Data, b.Data, r);
            else if (typeof(TOp) == typeof(SubOp)) TensorPrimitives.Subtract(a.Data, b.Data, r);
            else if (typeof(TOp) == typeof(MulOp)) TensorPrimitives.Multiply(a.Data, b.Data, r);
            else if (typeof(TOp) == typeof(DivOp)) TensorPrimitives.Divide(a.Data, b.Data, r);
            else for (int i = 0; i < r.Length; i++) r[i] = TOp.Apply(a.Data[i], b.Data[i]);
            return;
        }
        if (b.Size == 1 && a.Shape == result.Shape)
        {
            float s = b.Data[0];
            for (int i = 0; i < r.Length; i++) r[i] = TOp.Apply(a.Data[i], s);
            return;
        }
        if (a.Size == 1 && b.Shape == result.Shape)
        {
            float s = a.Data[0];
            for (int i = 0; i < r.Length; i++) r[i] = TOp.Apply(s, b.Data[i]);
            return;
        }
        var ia = new int[r.Length];
        var ib = new int[r.Length];
        Broadcasting.SourceIndices(a.Shape, result.Shape, ia);
        Broadcasting.SourceIndices(b.Shape, result.Shape, ib);
        for (int i = 0; i < r.Length; i++) r[i] = TOp.Apply(a.Data[ia[i]], b.Data[ib[i]]);
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
        var idx = new int[source.Size];
        Broadcasting.SourceIndices(target.Shape, source.Shape, idx);
        var s = source.Data;
        for (int i = 0; i < s.Length; i++) t[idx[i]] += s[i];
    }

    /// <summary>Copies <paramref name="source"/> into the larger <paramref name="target"/> shape by broadcasting.</summary>
    public static void Expand(Tensor source, Tensor target)
    {
        var idx = new int[target.Size];
        Broadcasting.SourceIndices(source.Shape, target.Shape, idx);
        var s = source.Data;
        var t = target.Data;
        for (int i = 0; i < t.Length; i++) t[i] = s[idx[i]];
    }
}

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
        var r = result.Data;
        if (a.Shape == b.Shape)
            Run<TOp>(new BinaryPlan(BinaryLayout.Same, a.Data, b.Data, r, 1, r.Length, 1));
        else if (b.Size == 1 && a.Shape == result.Shape)
            Run<TOp>(new BinaryPlan(BinaryLayout.ScalarRight, a.Data, b.Data, r, 1, r.Length, 1));
        else if (a.Size == 1 && b.Shape == result.Shape)
            Run<TOp>(new BinaryPlan(BinaryLayout.ScalarLeft, b.Data, a.Data, r, 1, r.Length, 1));
        else if (a.Shape == result.Shape && Broadcasting.TryBlock(b.Shape, result.Shape, out int outer, out int mid, out int inner))
            Run<TOp>(new BinaryPlan(BinaryLayout.BlockRight, a.Data, b.Data, r, outer, mid, inner));
        else if (b.Shape == result.Shape && Broadcasting.TryBlock(a.Shape, result.Shape, out outer, out mid, out inner))
            Run<TOp>(new BinaryPlan(BinaryLayout.BlockLeft, b.Data, a.Data, r, outer, mid, inner));
        else
        {
            var ia = new int[r.Length];
            var ib = new int[r.Length];
            Broadcasting.SourceIndices(a.Shape, result.Shape, ia);
            Broadcasting.SourceIndices(b.Shape, result.Shape, ib);
            for (int i = 0; i < r.Length; i++) r[i] = TOp.Apply(a.Data[ia[i]], b.Data[ib[i]]);
        }
    }

    // Large results are split over the pool in parts of about ParallelChunk elements (whole units each). Each element is
    // one IEEE operation whichever loop or thread computes it, so every split and the vector paths give the scalar loop's bits.
    private const int ParallelChunk = 16 * 1024;

    private static void Run<TOp>(in BinaryPlan plan) where TOp : struct, IBinary
    {
        int units = plan.Units, unitsPerPart = Math.Max(1, ParallelChunk / plan.UnitLength);
        int parts = (units + unitsPerPart - 1) / unitsPerPart;
        if (parts <= 2 || KernelSettings.Threads == 1)
        {
            RunUnits<TOp>(plan, 0, units);
            return;
        }
        var job = BinaryJob<TOp>.ForThisThread;
        (job.Plan, job.UnitsPerPart) = (plan, unitsPerPart);
        job.RunAll(parts);
        job.Plan = default;
    }

    private static void RunUnits<TOp>(in BinaryPlan p, int first, int end) where TOp : struct, IBinary
    {
        switch (p.Layout)
        {
            case BinaryLayout.Same:
            case BinaryLayout.ScalarRight:
            case BinaryLayout.ScalarLeft:
            {
                int from = first * p.UnitLength, to = Math.Min(p.Result.Length, end * p.UnitLength);
                var r = p.Result.AsSpan(from, to - from);
                if (p.Layout == BinaryLayout.Same) Rows<TOp>(p.Full.AsSpan(from, to - from), p.Small.AsSpan(from, to - from), r);
                else WithScalar<TOp>(p.Full.AsSpan(from, to - from), p.Small[0], r, p.Layout == BinaryLayout.ScalarLeft);
                return;
            }
            default:
                bool smallOnLeft = p.Layout == BinaryLayout.BlockLeft;
                if (p.Inner == 1) // a row vector broadcast down the rows (a linear layer's bias): one unit per row
                {
                    for (int o = first, at = first * p.Mid; o < end; o++, at += p.Mid)
                        if (smallOnLeft) Rows<TOp>(p.Small, p.Full.AsSpan(at, p.Mid), p.Result.AsSpan(at, p.Mid));
                        else Rows<TOp>(p.Full.AsSpan(at, p.Mid), p.Small, p.Result.AsSpan(at, p.Mid));
                    return;
                }
                for (int u = first, at = first * p.Inner; u < end; u++, at += p.Inner) // one unit per (outer, mid) block
                    WithScalar<TOp>(p.Full.AsSpan(at, p.Inner), p.Small[u % p.Mid], p.Result.AsSpan(at, p.Inner), smallOnLeft);
                return;
        }
    }

    private enum BinaryLayout { Same, ScalarRight, ScalarLeft, BlockRight, BlockLeft }

    // Full has the result's shape; Small is the other operand (the same shape, one scalar, or [Mid] broadcast as blocks).
    private readonly record struct BinaryPlan(BinaryLayout Layout, float[] Full, float[] Small, float[] Result, int Outer, int Mid, int Inner)
    {
        public bool Blocked => Layout is BinaryLayout.BlockLeft or BinaryLayout.BlockRight;

        /// <summary>Elements per unit of work: a chunk, a row (Inner = 1) or an (outer, mid) block.</summary>
        public int UnitLength => !Blocked ? ParallelChunk : Inner == 1 ? Mid : Inner;

        public int Units => !Blocked ? (Result.Length + ParallelChunk - 1) / ParallelChunk : Inner == 1 ? Outer : Outer * Mid;
    }

    private sealed class BinaryJob<TOp> : ParallelJob where TOp : struct, IBinary
    {
        [ThreadStatic] private static BinaryJob<TOp>? _forThisThread;
        public static BinaryJob<TOp> ForThisThread => _forThisThread ??= new BinaryJob<TOp>();

        public BinaryPlan Plan;
        public int UnitsPerPart;

        public override void Run(int part) =>
            RunUnits<TOp>(Plan, part * UnitsPerPart, Math.Min(Plan.Units, (part + 1) * UnitsPerPart));
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
        // Column sums (a linear bias's gradient) add rows in order element by element, as the scalar loop did; plane sums (a
        // channel bias's) add each block's vector sum in order.
        if (Broadcasting.TryBlock(target.Shape, source.Shape, out int outer, out int mid, out int inner))
        {
            BlockSums.Run(source.Data, target.Data, outer, mid, inner);
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

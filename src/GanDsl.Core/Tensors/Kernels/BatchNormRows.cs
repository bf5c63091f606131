using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// The loops of <see cref="BatchNormKernel"/> over a run of positions: <c>length</c> adjacent values (a group of whole
/// channel planes, or a chunk of one long plane) in each of <c>rows</c> samples, <c>rowStride</c> apart. Every loop is
/// element-wise: sums go into one float accumulator per position, adding the rows in order, and the caller adds each
/// channel's positions up in double; per-channel constants come expanded to one value per position. So a channel's bits
/// depend neither on which channels share its run nor on the lanes (AVX-512, AVX or scalar, masked at the run's end), and
/// the loops stream whole runs rather than one short plane at a time: the per-plane loops they replace spent most of a
/// 4×4 plane's time on loop overhead. Sums take four rows per pass over the accumulators (the same additions in the same
/// order as one row at a time), to read and write them a quarter as often.
/// </summary>
internal static unsafe class BatchNormRows
{
    /// <summary>The most rows a float accumulator adds up before the caller takes it into double.</summary>
    public const int RowsPerPartial = 1024;

    /// <summary>
    /// acc[k] += x[r·rowStride + k] over the rows, or (x − centers[k])² when <paramref name="centers"/> is given.
    /// </summary>
    public static void Sums(float* x, long rowStride, int rows, int length, float* centers, float* acc)
    {
        switch (Lanes.For(length))
        {
            case LaneWidth.Bits512: Sums<Vector512<float>, Lanes512>(x, rowStride, rows, length, centers, acc); break;
            case LaneWidth.Bits256: Sums<Vector256<float>, Lanes256>(x, rowStride, rows, length, centers, acc); break;
            default: Sums<float, LanesScalar>(x, rowStride, rows, length, centers, acc); break;
        }
    }

    /// <summary>
    /// y = (x − centers)·scales + shifts, then with <paramref name="activate"/> a leaky ReLU of <paramref name="slope"/>
    /// (0: ReLU) on it, with the activation kernel's arithmetic.
    /// </summary>
    public static void Normalize(float* x, float* y, long rowStride, int rows, int length, float* centers, float* scales,
        float* shifts, bool activate, float slope)
    {
        var at = new Constants(centers, scales, shifts, null, null, activate, slope);
        switch (Lanes.For(length))
        {
            case LaneWidth.Bits512: Normalize<Vector512<float>, Lanes512>(x, y, rowStride, rows, length, at); break;
            case LaneWidth.Bits256: Normalize<Vector256<float>, Lanes256>(x, y, rowStride, rows, length, at); break;
            default: Normalize<float, LanesScalar>(x, y, rowStride, rows, length, at); break;
        }
    }

    /// <summary>
    /// sumG[k] += g and sumGCentred[k] += g·(x − centers[k]) over the rows. With <paramref name="shifts"/> (a leaky ReLU
    /// fused after the norm) g is first taken back through the activation: g where its input was positive, g·slope
    /// elsewhere, that input recomputed as the forward computed it, (x − centers)·scales + shifts, the same operations and
    /// so the same bits, which costs less than reading the activation's output again.
    /// </summary>
    public static void GradientSums(float* x, float* g, long rowStride, int rows, int length, float* centers, float* scales,
        float* shifts, float slope, float* sumG, float* sumGCentred)
    {
        var at = new Constants(centers, scales, shifts, null, null, shifts != null, slope);
        switch (Lanes.For(length))
        {
            case LaneWidth.Bits512: GradientSums<Vector512<float>, Lanes512>(x, g, rowStride, rows, length, at, sumG, sumGCentred); break;
            case LaneWidth.Bits256: GradientSums<Vector256<float>, Lanes256>(x, g, rowStride, rows, length, at, sumG, sumGCentred); break;
            default: GradientSums<float, LanesScalar>(x, g, rowStride, rows, length, at, sumG, sumGCentred); break;
        }
    }

    /// <summary>
    /// gx = ((g − gMeans) − (x − centers)·projections)·scales, g first taken back through a fused leaky ReLU when
    /// <paramref name="shifts"/> is given (as in <see cref="GradientSums"/>).
    /// </summary>
    public static void InputGradient(float* x, float* g, float* gx, long rowStride, int rows, int length, float* centers,
        float* scales, float* shifts, float slope, float* gMeans, float* projections)
    {
        var at = new Constants(centers, scales, shifts, gMeans, projections, shifts != null, slope);
        switch (Lanes.For(length))
        {
            case LaneWidth.Bits512: InputGradient<Vector512<float>, Lanes512>(x, g, gx, rowStride, rows, length, at); break;
            case LaneWidth.Bits256: InputGradient<Vector256<float>, Lanes256>(x, g, gx, rowStride, rows, length, at); break;
            default: InputGradient<float, LanesScalar>(x, g, gx, rowStride, rows, length, at); break;
        }
    }

    // The per-position constants of a run; the pointers not a loop's own are null.
    private readonly struct Constants(float* centers, float* scales, float* shifts, float* gMeans, float* projections, bool activate, float slope)
    {
        public readonly float* Centers = centers, Scales = scales, Shifts = shifts, GMeans = gMeans, Projections = projections;
        public readonly bool Activate = activate;
        public readonly float Slope = slope;
    }

    // A vector at p: whole, or a run's last, partial one under a mask (the other lanes read as zero and are never
    // written). Always called with a constant masked, which the JIT folds away.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Load<TV, TL>(float* p, TV mask, bool masked) where TV : struct where TL : struct, IVectorLanes<TV> =>
        masked ? TL.Load(p, mask) : TL.Load(p);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<TV, TL>(float* p, TV value, TV mask, bool masked) where TV : struct where TL : struct, IVectorLanes<TV>
    {
        if (masked) TL.Store(p, value, mask);
        else TL.Store(p, value);
    }

    // Where a run's whole vectors end; the rest, if any, is one masked vector.
    private static int WholeVectors<TV, TL>(int length) where TV : struct where TL : struct, IVectorLanes<TV> =>
        length - length % TL.Count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Sums<TV, TL>(float* x, long rowStride, int rows, int length, float* centers, float* acc)
        where TV : struct where TL : struct, IVectorLanes<TV>
    {
        int whole = WholeVectors<TV, TL>(length);
        var tail = TL.FirstLanes(length - whole);
        bool squares = centers != null; // without centers, the offsets taken from the null pointer go unused
        for (int r = 0; r < rows;)
        {
            int count = rows - r >= 4 ? 4 : 1;
            float* xr = x + r * rowStride;
            for (int k = 0; k < whole; k += TL.Count) SumAt<TV, TL>(xr + k, rowStride, count, squares, centers + k, acc + k, tail, false);
            if (whole < length) SumAt<TV, TL>(xr + whole, rowStride, count, squares, centers + whole, acc + whole, tail, true);
            r += count;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SumAt<TV, TL>(float* x, long rowStride, int count, bool squares, float* centers, float* acc, TV mask, bool masked)
        where TV : struct where TL : struct, IVectorLanes<TV>
    {
        var a = Load<TV, TL>(acc, mask, masked);
        if (!squares)
            for (int i = 0; i < count; i++) a = TL.Add(a, Load<TV, TL>(x + i * rowStride, mask, masked));
        else
        {
            var c = Load<TV, TL>(centers, mask, masked);
            for (int i = 0; i < count; i++)
            {
                var d = TL.Subtract(Load<TV, TL>(x + i * rowStride, mask, masked), c);
                a = TL.Add(a, TL.Multiply(d, d));
            }
        }
        Store<TV, TL>(acc, a, mask, masked);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Normalize<TV, TL>(float* x, float* y, long rowStride, int rows, int length, Constants c)
        where TV : struct where TL : struct, IVectorLanes<TV>
    {
        int whole = WholeVectors<TV, TL>(length);
        var (tail, slope) = (TL.FirstLanes(length - whole), TL.Broadcast(c.Slope));
        float* centers = c.Centers, scales = c.Scales, shifts = c.Shifts;
        bool activate = c.Activate;
        for (int r = 0; r < rows; r++, x += rowStride, y += rowStride)
        {
            for (int k = 0; k < whole; k += TL.Count)
                NormalizeAt<TV, TL>(x + k, y + k, centers + k, scales + k, shifts + k, activate, slope, tail, false);
            if (whole < length)
                NormalizeAt<TV, TL>(x + whole, y + whole, centers + whole, scales + whole, shifts + whole, activate, slope, tail, true);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void NormalizeAt<TV, TL>(float* x, float* y, float* centers, float* scales, float* shifts, bool activate, TV slope,
        TV mask, bool masked) where TV : struct where TL : struct, IVectorLanes<TV>
    {
        var centred = TL.Subtract(Load<TV, TL>(x, mask, masked), Load<TV, TL>(centers, mask, masked));
        var v = TL.Add(TL.Multiply(centred, Load<TV, TL>(scales, mask, masked)), Load<TV, TL>(shifts, mask, masked));
        Store<TV, TL>(y, activate ? TL.WherePositive(v, v, TL.Multiply(v, slope)) : v, mask, masked);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void GradientSums<TV, TL>(float* x, float* g, long rowStride, int rows, int length, Constants c, float* sumG,
        float* sumGCentred) where TV : struct where TL : struct, IVectorLanes<TV>
    {
        int whole = WholeVectors<TV, TL>(length);
        var (tail, slope) = (TL.FirstLanes(length - whole), TL.Broadcast(c.Slope));
        float* centers = c.Centers, scales = c.Scales, shifts = c.Shifts;
        bool activate = c.Activate;
        for (int r = 0; r < rows;)
        {
            int count = rows - r >= 4 ? 4 : 1;
            float* xr = x + r * rowStride, gr = g + r * rowStride;
            for (int k = 0; k < whole; k += TL.Count)
                GradientSumAt<TV, TL>(xr + k, gr + k, rowStride, count, centers + k, scales + k, shifts + k, activate, slope,
                    sumG + k, sumGCentred + k, tail, false);
            if (whole < length)
                GradientSumAt<TV, TL>(xr + whole, gr + whole, rowStride, count, centers + whole, scales + whole, shifts + whole,
                    activate, slope, sumG + whole, sumGCentred + whole, tail, true);
            r += count;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void GradientSumAt<TV, TL>(float* x, float* g, long rowStride, int count, float* centers, float* scales,
        float* shifts, bool activate, TV slope, float* sumG, float* sumGCentred, TV mask, bool masked)
        where TV : struct where TL : struct, IVectorLanes<TV>
    {
        var (a, b, centre) = (Load<TV, TL>(sumG, mask, masked), Load<TV, TL>(sumGCentred, mask, masked), Load<TV, TL>(centers, mask, masked));
        var (scale, shift) = activate ? (Load<TV, TL>(scales, mask, masked), Load<TV, TL>(shifts, mask, masked)) : (TL.Zero, TL.Zero);
        for (int i = 0; i < count; i++)
        {
            var centred = TL.Subtract(Load<TV, TL>(x + i * rowStride, mask, masked), centre);
            var gv = Load<TV, TL>(g + i * rowStride, mask, masked);
            if (activate) gv = TL.WherePositive(TL.Add(TL.Multiply(centred, scale), shift), gv, TL.Multiply(gv, slope));
            a = TL.Add(a, gv);
            b = TL.Add(b, TL.Multiply(gv, centred));
        }
        Store<TV, TL>(sumG, a, mask, masked);
        Store<TV, TL>(sumGCentred, b, mask, masked);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void InputGradient<TV, TL>(float* x, float* g, float* gx, long rowStride, int rows, int length, Constants c)
        where TV : struct where TL : struct, IVectorLanes<TV>
    {
        int whole = WholeVectors<TV, TL>(length);
        var (tail, slope) = (TL.FirstLanes(length - whole), TL.Broadcast(c.Slope));
        float* centers = c.Centers, scales = c.Scales, shifts = c.Shifts, gMeans = c.GMeans, projections = c.Projections;
        bool activate = c.Activate;
        for (int r = 0; r < rows; r++, x += rowStride, g += rowStride, gx += rowStride)
        {
            for (int k = 0; k < whole; k += TL.Count)
                InputGradientAt<TV, TL>(x + k, g + k, gx + k, centers + k, scales + k, shifts + k, gMeans + k, projections + k,
                    activate, slope, tail, false);
            if (whole < length)
                InputGradientAt<TV, TL>(x + whole, g + whole, gx + whole, centers + whole, scales + whole, shifts + whole,
                    gMeans + whole, projections + whole, activate, slope, tail, true);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void InputGradientAt<TV, TL>(float* x, float* g, float* gx, float* centers, float* scales, float* shifts,
        float* gMeans, float* projections, bool activate, TV slope, TV mask, bool masked)
        where TV : struct where TL : struct, IVectorLanes<TV>
    {
        var centred = TL.Subtract(Load<TV, TL>(x, mask, masked), Load<TV, TL>(centers, mask, masked));
        var (gv, scale) = (Load<TV, TL>(g, mask, masked), Load<TV, TL>(scales, mask, masked));
        if (activate) gv = TL.WherePositive(TL.Add(TL.Multiply(centred, scale), Load<TV, TL>(shifts, mask, masked)), gv, TL.Multiply(gv, slope));
        var value = TL.Subtract(TL.Subtract(gv, Load<TV, TL>(gMeans, mask, masked)), TL.Multiply(centred, Load<TV, TL>(projections, mask, masked)));
        Store<TV, TL>(gx, TL.Multiply(value, scale), mask, masked);
    }
}

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
        switch (Lanes.For(length))
        {
            case LaneWidth.Bits512: Normalize<Vector512<float>, Lanes512>(x, y, rowStride, rows, length, centers, scales, shifts, activate, slope); break;
            case LaneWidth.Bits256: Normalize<Vector256<float>, Lanes256>(x, y, rowStride, rows, length, centers, scales, shifts, activate, slope); break;
            default: Normalize<float, LanesScalar>(x, y, rowStride, rows, length, centers, scales, shifts, activate, slope); break;
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
        switch (Lanes.For(length))
        {
            case LaneWidth.Bits512: GradientSums<Vector512<float>, Lanes512>(x, g, rowStride, rows, length, centers, scales, shifts, slope, sumG, sumGCentred); break;
            case LaneWidth.Bits256: GradientSums<Vector256<float>, Lanes256>(x, g, rowStride, rows, length, centers, scales, shifts, slope, sumG, sumGCentred); break;
            default: GradientSums<float, LanesScalar>(x, g, rowStride, rows, length, centers, scales, shifts, slope, sumG, sumGCentred); break;
        }
    }

    /// <summary>
    /// gx = ((g − gMeans) − (x − centers)·projections)·scales, g first taken back through a fused leaky ReLU when
    /// <paramref name="shifts"/> is given (as in <see cref="GradientSums"/>).
    /// </summary>
    public static void InputGradient(float* x, float* g, float* gx, long rowStride, int rows, int length, float* centers,
        float* scales, float* shifts, float slope, float* gMeans, float* projections)
    {
        switch (Lanes.For(length))
        {
            case LaneWidth.Bits512: InputGradient<Vector512<float>, Lanes512>(x, g, gx, rowStride, rows, length, centers, scales, shifts, slope, gMeans, projections); break;
            case LaneWidth.Bits256: InputGradient<Vector256<float>, Lanes256>(x, g, gx, rowStride, rows, length, centers, scales, shifts, slope, gMeans, projections); break;
            default: InputGradient<float, LanesScalar>(x, g, gx, rowStride, rows, length, centers, scales, shifts, slope, gMeans, projections); break;
        }
    }

    // Each loop runs a row's whole vectors, then its last, partial one (if any) under the tail mask: the Whole and Masked
    // modes of DirectConvolution.Load and Store, JIT-time constants.
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
            for (int k = 0; k < whole; k += TL.Count) SumAt<TV, TL, Whole>(xr + k, rowStride, count, squares, centers + k, acc + k, tail);
            if (whole < length) SumAt<TV, TL, Masked>(xr + whole, rowStride, count, squares, centers + whole, acc + whole, tail);
            r += count;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SumAt<TV, TL, TM>(float* x, long rowStride, int count, bool squares, float* centers, float* acc, TV mask)
        where TV : struct where TL : struct, IVectorLanes<TV> where TM : struct, ILoadMode
    {
        var a = DirectConvolution.Load<TV, TL, TM>(acc, mask);
        if (!squares)
            for (int i = 0; i < count; i++) a = TL.Add(a, DirectConvolution.Load<TV, TL, TM>(x + i * rowStride, mask));
        else
        {
            var c = DirectConvolution.Load<TV, TL, TM>(centers, mask);
            for (int i = 0; i < count; i++)
            {
                var d = TL.Subtract(DirectConvolution.Load<TV, TL, TM>(x + i * rowStride, mask), c);
                a = TL.Add(a, TL.Multiply(d, d));
            }
        }
        DirectConvolution.Store<TV, TL, TM>(acc, a, mask);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Normalize<TV, TL>(float* x, float* y, long rowStride, int rows, int length, float* centers, float* scales,
        float* shifts, bool activate, float slope) where TV : struct where TL : struct, IVectorLanes<TV>
    {
        int whole = WholeVectors<TV, TL>(length);
        var (tail, s) = (TL.FirstLanes(length - whole), TL.Broadcast(slope));
        for (int r = 0; r < rows; r++, x += rowStride, y += rowStride)
        {
            for (int k = 0; k < whole; k += TL.Count)
                NormalizeAt<TV, TL, Whole>(x + k, y + k, centers + k, scales + k, shifts + k, activate, s, tail);
            if (whole < length)
                NormalizeAt<TV, TL, Masked>(x + whole, y + whole, centers + whole, scales + whole, shifts + whole, activate, s, tail);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void NormalizeAt<TV, TL, TM>(float* x, float* y, float* centers, float* scales, float* shifts, bool activate, TV slope,
        TV mask) where TV : struct where TL : struct, IVectorLanes<TV> where TM : struct, ILoadMode
    {
        var centred = TL.Subtract(DirectConvolution.Load<TV, TL, TM>(x, mask), DirectConvolution.Load<TV, TL, TM>(centers, mask));
        var v = TL.Add(TL.Multiply(centred, DirectConvolution.Load<TV, TL, TM>(scales, mask)), DirectConvolution.Load<TV, TL, TM>(shifts, mask));
        DirectConvolution.Store<TV, TL, TM>(y, activate ? TL.WherePositive(v, v, TL.Multiply(v, slope)) : v, mask);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void GradientSums<TV, TL>(float* x, float* g, long rowStride, int rows, int length, float* centers, float* scales,
        float* shifts, float slope, float* sumG, float* sumGCentred) where TV : struct where TL : struct, IVectorLanes<TV>
    {
        int whole = WholeVectors<TV, TL>(length);
        var (tail, s) = (TL.FirstLanes(length - whole), TL.Broadcast(slope));
        bool activate = shifts != null; // without shifts, the offsets taken from the null pointer go unused
        for (int r = 0; r < rows;)
        {
            int count = rows - r >= 4 ? 4 : 1;
            float* xr = x + r * rowStride, gr = g + r * rowStride;
            for (int k = 0; k < whole; k += TL.Count)
                GradientSumAt<TV, TL, Whole>(xr + k, gr + k, rowStride, count, centers + k, scales + k, shifts + k, activate, s,
                    sumG + k, sumGCentred + k, tail);
            if (whole < length)
                GradientSumAt<TV, TL, Masked>(xr + whole, gr + whole, rowStride, count, centers + whole, scales + whole,
                    shifts + whole, activate, s, sumG + whole, sumGCentred + whole, tail);
            r += count;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void GradientSumAt<TV, TL, TM>(float* x, float* g, long rowStride, int count, float* centers, float* scales,
        float* shifts, bool activate, TV slope, float* sumG, float* sumGCentred, TV mask)
        where TV : struct where TL : struct, IVectorLanes<TV> where TM : struct, ILoadMode
    {
        var (a, b, centre) = (DirectConvolution.Load<TV, TL, TM>(sumG, mask), DirectConvolution.Load<TV, TL, TM>(sumGCentred, mask),
            DirectConvolution.Load<TV, TL, TM>(centers, mask));
        var (scale, shift) = activate
            ? (DirectConvolution.Load<TV, TL, TM>(scales, mask), DirectConvolution.Load<TV, TL, TM>(shifts, mask))
            : (TL.Zero, TL.Zero);
        for (int i = 0; i < count; i++)
        {
            var centred = TL.Subtract(DirectConvolution.Load<TV, TL, TM>(x + i * rowStride, mask), centre);
            var gv = DirectConvolution.Load<TV, TL, TM>(g + i * rowStride, mask);
            if (activate) gv = TL.WherePositive(TL.Add(TL.Multiply(centred, scale), shift), gv, TL.Multiply(gv, slope));
            a = TL.Add(a, gv);
            b = TL.Add(b, TL.Multiply(gv, centred));
        }
        DirectConvolution.Store<TV, TL, TM>(sumG, a, mask);
        DirectConvolution.Store<TV, TL, TM>(sumGCentred, b, mask);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void InputGradient<TV, TL>(float* x, float* g, float* gx, long rowStride, int rows, int length, float* centers,
        float* scales, float* shifts, float slope, float* gMeans, float* projections) where TV : struct where TL : struct, IVectorLanes<TV>
    {
        int whole = WholeVectors<TV, TL>(length);
        var (tail, s) = (TL.FirstLanes(length - whole), TL.Broadcast(slope));
        bool activate = shifts != null; // without shifts, the offsets taken from the null pointer go unused
        for (int r = 0; r < rows; r++, x += rowStride, g += rowStride, gx += rowStride)
        {
            for (int k = 0; k < whole; k += TL.Count)
                InputGradientAt<TV, TL, Whole>(x + k, g + k, gx + k, centers + k, scales + k, shifts + k, activate, gMeans + k,
                    projections + k, s, tail);
            if (whole < length)
                InputGradientAt<TV, TL, Masked>(x + whole, g + whole, gx + whole, centers + whole, scales + whole, shifts + whole,
                    activate, gMeans + whole, projections + whole, s, tail);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void InputGradientAt<TV, TL, TM>(float* x, float* g, float* gx, float* centers, float* scales, float* shifts,
        bool activate, float* gMeans, float* projections, TV slope, TV mask) where TV : struct where TL : struct, IVectorLanes<TV> where TM : struct, ILoadMode
    {
        var centred = TL.Subtract(DirectConvolution.Load<TV, TL, TM>(x, mask), DirectConvolution.Load<TV, TL, TM>(centers, mask));
        var (gv, scale) = (DirectConvolution.Load<TV, TL, TM>(g, mask), DirectConvolution.Load<TV, TL, TM>(scales, mask));
        if (activate)
            gv = TL.WherePositive(TL.Add(TL.Multiply(centred, scale), DirectConvolution.Load<TV, TL, TM>(shifts, mask)), gv, TL.Multiply(gv, slope));
        var value = TL.Subtract(TL.Subtract(gv, DirectConvolution.Load<TV, TL, TM>(gMeans, mask)),
            TL.Multiply(centred, DirectConvolution.Load<TV, TL, TM>(projections, mask)));
        DirectConvolution.Store<TV, TL, TM>(gx, TL.Multiply(value, scale), mask);
    }
}

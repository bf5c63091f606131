using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// The loops of <see cref="BatchNormKernel"/> over a block of rows (rows of <c>count</c> values, <c>rowStride</c> apart) of
/// a group of adjacent channels (<c>group</c> channels, <c>channelStride</c> apart, each with its own statistics): Vector512,
/// else Vector256, with a scalar tail per row. Each row of the batch visits the group's channels in turn, so a batch of short
/// planes (4×4, 7×7) is read a contiguous run of channels at a time rather than one 64-byte row per 8 KiB; every channel
/// still sees exactly the operations, in the order, it would see alone, so grouping never changes a bit. Sums accumulate in
/// float vector lanes across the block's rows (at most <see cref="SumChunk"/> values, so a short row such as a 4×4 plane
/// costs no reduction of its own) and in a float per row's tail, and come back in double for the caller to add up: lanes
/// break the one-add-at-a-time latency chain, and bounded float partials keep the rounding small.
/// </summary>
internal static unsafe class BatchNormRows
{
    /// <summary>The most values one float partial sum may cover.</summary>
    public const int SumChunk = 1024;

    // The widths come from KernelSettings (tests force Scalar to compare paths).
    private static bool Use512(int count) =>
        KernelSettings.Allows(VectorWidth.Bits512) && Vector512.IsHardwareAccelerated && count >= Vector512<float>.Count;
    private static bool Use256(int count) =>
        KernelSettings.Allows(VectorWidth.Bits256) && Vector256.IsHardwareAccelerated && count >= Vector256<float>.Count;

    /// <summary>
    /// Adds to <c>results[j]</c>, for each channel j of the group, Σ (x − centers[j])² over its block, or Σ x when
    /// <paramref name="squares"/> is false (<paramref name="centers"/> may then be null).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization), SkipLocalsInit]
    public static void Sums(float* x, int group, int channelStride, int rows, long rowStride, int count, bool squares, float* centers, double* results)
    {
        // One channel: the same additions with the accumulators in registers rather than on the stack (measured 5-10 %
        // faster on 14x14 planes).
        if (group == 1 && Use512(count))
        {
            int end = count & ~15;
            float center = centers == null ? 0f : centers[0];
            Vector512<float> a = default, b = default;
            double tail = 0;
            for (int r = 0; r < rows; r++, x += rowStride)
            {
                SumRow512(x, end, squares, center, ref a, ref b);
                tail += TailSum(x, end, count, squares, center);
            }
            results[0] += Vector512.Sum(a + b) + tail;
            return;
        }
        if (group == 1 && Use256(count))
        {
            int end = count & ~7;
            float center = centers == null ? 0f : centers[0];
            Vector256<float> a = default, b = default;
            double tail = 0;
            for (int r = 0; r < rows; r++, x += rowStride)
            {
                SumRow256(x, end, squares, center, ref a, ref b);
                tail += TailSum(x, end, count, squares, center);
            }
            results[0] += Vector256.Sum(a + b) + tail;
            return;
        }
        double* tails = stackalloc double[group];
        for (int j = 0; j < group; j++) tails[j] = 0;
        int vectorEnd = 0;
        if (Use512(count))
        {
            vectorEnd = count & ~15;
            var lanes = stackalloc Vector512<float>[2 * group];
            for (int j = 0; j < 2 * group; j++) lanes[j] = default;
            for (int r = 0; r < rows; r++)
                for (int j = 0; j < group; j++)
                {
                    float* row = x + r * rowStride + (long)j * channelStride;
                    float center = centers == null ? 0f : centers[j];
                    SumRow512(row, vectorEnd, squares, center, ref lanes[2 * j], ref lanes[2 * j + 1]);
                    tails[j] += TailSum(row, vectorEnd, count, squares, center);
                }
            for (int j = 0; j < group; j++) results[j] += Vector512.Sum(lanes[2 * j] + lanes[2 * j + 1]) + tails[j];
        }
        else if (Use256(count))
        {
            vectorEnd = count & ~7;
            var lanes = stackalloc Vector256<float>[2 * group];
            for (int j = 0; j < 2 * group; j++) lanes[j] = default;
            for (int r = 0; r < rows; r++)
                for (int j = 0; j < group; j++)
                {
                    float* row = x + r * rowStride + (long)j * channelStride;
                    float center = centers == null ? 0f : centers[j];
                    SumRow256(row, vectorEnd, squares, center, ref lanes[2 * j], ref lanes[2 * j + 1]);
                    tails[j] += TailSum(row, vectorEnd, count, squares, center);
                }
            for (int j = 0; j < group; j++) results[j] += Vector256.Sum(lanes[2 * j] + lanes[2 * j + 1]) + tails[j];
        }
        else
        {
            for (int r = 0; r < rows; r++)
                for (int j = 0; j < group; j++)
                    tails[j] += TailSum(x + r * rowStride + (long)j * channelStride, 0, count, squares, centers == null ? 0f : centers[j]);
            for (int j = 0; j < group; j++) results[j] += 0f + tails[j];
        }
    }

    // One row's vectors added into a channel's two accumulators (two, to break the add latency chain).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SumRow512(float* row, int vectorEnd, bool squares, float center, ref Vector512<float> a, ref Vector512<float> b)
    {
        var c = Vector512.Create(center);
        var (sa, sb) = (a, b);
        int i = 0;
        for (; i <= vectorEnd - 32; i += 32)
        {
            var (d, e) = (Vector512.Load(row + i), Vector512.Load(row + i + 16));
            if (squares) (d, e) = ((d - c) * (d - c), (e - c) * (e - c));
            (sa, sb) = (sa + d, sb + e);
        }
        if (i < vectorEnd)
        {
            var d = Vector512.Load(row + i);
            sa += squares ? (d - c) * (d - c) : d;
        }
        (a, b) = (sa, sb);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SumRow256(float* row, int vectorEnd, bool squares, float center, ref Vector256<float> a, ref Vector256<float> b)
    {
        var c = Vector256.Create(center);
        var (sa, sb) = (a, b);
        int i = 0;
        for (; i <= vectorEnd - 16; i += 16)
        {
            var (d, e) = (Vector256.Load(row + i), Vector256.Load(row + i + 8));
            if (squares) (d, e) = ((d - c) * (d - c), (e - c) * (e - c));
            (sa, sb) = (sa + d, sb + e);
        }
        if (i < vectorEnd)
        {
            var d = Vector256.Load(row + i);
            sa += squares ? (d - c) * (d - c) : d;
        }
        (a, b) = (sa, sb);
    }

    /// <summary>
    /// Adds to <c>sumG[j]</c> and <c>sumGCentered[j]</c>, for each channel j of the group, Σ g and Σ g·(x − means[j]) over its
    /// block. With <paramref name="signShifts"/> (a leaky ReLU fused after the norm), g is first taken back through it: g where
    /// the activation's input was positive, g·<paramref name="slope"/> elsewhere. That input is recomputed from x as the
    /// forward computed it, (x − means[j])·scales[j] + signShifts[j], the same operations and so the same bits, which costs
    /// less than reading the activation's output from memory again.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization), SkipLocalsInit]
    public static void GradientSums(float* x, float* g, float slope, int group, int channelStride, int rows, long rowStride,
        int count, float* means, float* scales, float* signShifts, double* sumG, double* sumGCentered)
    {
        float* vectorG = stackalloc float[group], vectorDot = stackalloc float[group];
        for (int j = 0; j < group; j++) vectorG[j] = vectorDot[j] = 0;
        bool activated = signShifts != null;
        int vectorEnd = 0;
        if (Use512(count))
        {
            vectorEnd = count & ~15;
            var s = Vector512.Create(slope);
            var lanes = stackalloc Vector512<float>[2 * group];
            for (int j = 0; j < 2 * group; j++) lanes[j] = default;
            for (int r = 0; r < rows; r++)
                for (int j = 0; j < group; j++)
                {
                    long at = r * rowStride + (long)j * channelStride;
                    var m = Vector512.Create(means[j]);
                    var (k, b0) = activated ? (Vector512.Create(scales[j]), Vector512.Create(signShifts[j])) : default;
                    var (a, b) = (lanes[2 * j], lanes[2 * j + 1]);
                    for (int i = 0; i < vectorEnd; i += 16)
                    {
                        var centred = Vector512.Load(x + at + i) - m;
                        var gv = Vector512.Load(g + at + i);
                        if (activated) gv = Through(centred * k + b0, gv, s);
                        a += gv;
                        b += gv * centred;
                    }
                    (lanes[2 * j], lanes[2 * j + 1]) = (a, b);
                }
            for (int j = 0; j < group; j++) (vectorG[j], vectorDot[j]) = (Vector512.Sum(lanes[2 * j]), Vector512.Sum(lanes[2 * j + 1]));
        }
        else if (Use256(count))
        {
            vectorEnd = count & ~7;
            var s = Vector256.Create(slope);
            var lanes = stackalloc Vector256<float>[2 * group];
            for (int j = 0; j < 2 * group; j++) lanes[j] = default;
            for (int r = 0; r < rows; r++)
                for (int j = 0; j < group; j++)
                {
                    long at = r * rowStride + (long)j * channelStride;
                    var m = Vector256.Create(means[j]);
                    var (k, b0) = activated ? (Vector256.Create(scales[j]), Vector256.Create(signShifts[j])) : default;
                    var (a, b) = (lanes[2 * j], lanes[2 * j + 1]);
                    for (int i = 0; i < vectorEnd; i += 8)
                    {
                        var centred = Vector256.Load(x + at + i) - m;
                        var gv = Vector256.Load(g + at + i);
                        if (activated) gv = Through(centred * k + b0, gv, s);
                        a += gv;
                        b += gv * centred;
                    }
                    (lanes[2 * j], lanes[2 * j + 1]) = (a, b);
                }
            for (int j = 0; j < group; j++) (vectorG[j], vectorDot[j]) = (Vector256.Sum(lanes[2 * j]), Vector256.Sum(lanes[2 * j + 1]));
        }
        for (int j = 0; j < group; j++)
        {
            float mean = means[j];
            double tailG = 0, tailDot = 0;
            for (int r = 0; r < rows && vectorEnd < count; r++)
            {
                long at = r * rowStride + (long)j * channelStride;
                float rowG = 0, rowDot = 0;
                for (int i = vectorEnd; i < count; i++)
                {
                    float centred = x[at + i] - mean, gi = g[at + i];
                    if (activated) gi = Through(centred * scales[j] + signShifts[j], gi, slope);
                    rowG += gi;
                    rowDot += gi * centred;
                }
                (tailG, tailDot) = (tailG + rowG, tailDot + rowDot);
            }
            sumG[j] += vectorG[j] + tailG;
            sumGCentered[j] += vectorDot[j] + tailDot;
        }
    }

    /// <summary>
    /// y = (x − means[j])·scales[j] + shifts[j] over the block of each channel j of the group; when <paramref name="activate"/>,
    /// then a leaky ReLU of <paramref name="slope"/> (0: ReLU) on it, with the activation kernel's own arithmetic (the same
    /// bits as the two passes).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Normalize(float* x, float* y, int group, int channelStride, int rows, long rowStride, int count,
        float* means, float* scales, float* shifts, bool activate = false, float slope = 0f)
    {
        bool use512 = Use512(count), use256 = Use256(count);
        for (int r = 0; r < rows; r++)
            for (int j = 0; j < group; j++)
            {
                long at = r * rowStride + (long)j * channelStride;
                NormalizeRow(x + at, y + at, count, means[j], scales[j], shifts[j], activate, slope, use512, use256);
            }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void NormalizeRow(float* x, float* y, int count, float mean, float scale, float shift, bool activate, float slope,
        bool use512, bool use256)
    {
        int i = 0;
        if (use512)
        {
            var (m, k, b, s) = (Vector512.Create(mean), Vector512.Create(scale), Vector512.Create(shift), Vector512.Create(slope));
            for (; i <= count - 16; i += 16)
            {
                var v = (Vector512.Load(x + i) - m) * k + b;
                (activate ? Through(v, v, s) : v).Store(y + i);
            }
        }
        else if (use256)
        {
            var (m, k, b, s) = (Vector256.Create(mean), Vector256.Create(scale), Vector256.Create(shift), Vector256.Create(slope));
            for (; i <= count - 8; i += 8)
            {
                var v = (Vector256.Load(x + i) - m) * k + b;
                (activate ? Through(v, v, s) : v).Store(y + i);
            }
        }
        for (; i < count; i++)
        {
            float v = (x[i] - mean) * scale + shift;
            y[i] = activate ? Through(v, v, slope) : v;
        }
    }

    /// <summary>
    /// gx = ((g − gMeans[j]) − (x − means[j])·projections[j])·scales[j] over the block of each channel j of the group, g first
    /// taken back through a fused leaky ReLU when <paramref name="signShifts"/> is given (its input recomputed from x, as in
    /// <see cref="GradientSums"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void InputGradient(float* x, float* g, float slope, float* gx, int group, int channelStride, int rows,
        long rowStride, int count, float* means, float* gMeans, float* projections, float* scales, float* signShifts)
    {
        bool use512 = Use512(count), use256 = Use256(count);
        for (int r = 0; r < rows; r++)
            for (int j = 0; j < group; j++)
            {
                long at = r * rowStride + (long)j * channelStride;
                InputGradientRow(x + at, g + at, slope, gx + at, count, means[j], gMeans[j], projections[j], scales[j],
                    signShifts != null, signShifts == null ? 0f : signShifts[j], use512, use256);
            }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void InputGradientRow(float* x, float* g, float slope, float* gx, int count, float mean, float gMean,
        float projection, float scale, bool activated, float shift, bool use512, bool use256)
    {
        int i = 0;
        if (use512)
        {
            var (m, gm, p, k, s) = (Vector512.Create(mean), Vector512.Create(gMean), Vector512.Create(projection), Vector512.Create(scale), Vector512.Create(slope));
            var b = Vector512.Create(shift);
            for (; i <= count - 16; i += 16)
            {
                var centred = Vector512.Load(x + i) - m;
                var gv = Vector512.Load(g + i);
                if (activated) gv = Through(centred * k + b, gv, s);
                ((gv - gm - centred * p) * k).Store(gx + i);
            }
        }
        else if (use256)
        {
            var (m, gm, p, k, s) = (Vector256.Create(mean), Vector256.Create(gMean), Vector256.Create(projection), Vector256.Create(scale), Vector256.Create(slope));
            var b = Vector256.Create(shift);
            for (; i <= count - 8; i += 8)
            {
                var centred = Vector256.Load(x + i) - m;
                var gv = Vector256.Load(g + i);
                if (activated) gv = Through(centred * k + b, gv, s);
                ((gv - gm - centred * p) * k).Store(gx + i);
            }
        }
        for (; i < count; i++)
        {
            float centred = x[i] - mean, gi = g[i];
            if (activated) gi = Through(centred * scale + shift, gi, slope);
            gx[i] = (gi - gMean - centred * projection) * scale;
        }
    }

    // A leaky ReLU's select, as LeakyReluKernel computes it: v where the sign source is positive, v·slope elsewhere. The
    // forward passes the normalised value as both; the backward passes that value recomputed and the incoming gradient.
    private static Vector512<float> Through(Vector512<float> sign, Vector512<float> v, Vector512<float> slope) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(sign, Vector512<float>.Zero), v, v * slope);

    private static Vector256<float> Through(Vector256<float> sign, Vector256<float> v, Vector256<float> slope) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(sign, Vector256<float>.Zero), v, v * slope);

    private static float Through(float sign, float v, float slope) => sign > 0 ? v : v * slope;

    // Inlined: as a call inside the row loops it cost four times the loops' own work (measured with --bn).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float TailSum(float* x, int start, int count, bool squares, float center)
    {
        float sum = 0;
        for (int i = start; i < count; i++) sum += squares ? (x[i] - center) * (x[i] - center) : x[i];
        return sum;
    }
}

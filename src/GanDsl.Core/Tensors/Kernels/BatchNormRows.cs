using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// The loops of <see cref="BatchNormKernel"/> over a block of one channel's rows (rows of <c>count</c> values,
/// <c>rowStride</c> apart): Vector512, else Vector256, with a scalar tail per row. Sums accumulate in float vector lanes
/// across the block's rows (at most <see cref="SumChunk"/> values, so a short row such as a 4×4 plane costs no
/// reduction of its own) and in a float per row's tail, and come back in double for the caller to add up: lanes break
/// the one-add-at-a-time latency chain, and bounded float partials keep the rounding small.
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

    /// <summary>Σ (x − center)² over the block, or Σ x when <paramref name="squares"/> is false.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Sum(float* x, int rows, long rowStride, int count, bool squares, float center)
    {
        double tail = 0;
        int vectorEnd = 0;
        float vectors = 0;
        if (Use512(count))
        {
            vectorEnd = count & ~15;
            var c = Vector512.Create(center);
            Vector512<float> a = default, b = default;
            for (int r = 0; r < rows; r++, x += rowStride)
            {
                int i = 0;
                for (; i <= vectorEnd - 32; i += 32)
                {
                    var (d, e) = (Vector512.Load(x + i), Vector512.Load(x + i + 16));
                    if (squares) (d, e) = ((d - c) * (d - c), (e - c) * (e - c));
                    (a, b) = (a + d, b + e);
                }
                if (i < vectorEnd)
                {
                    var d = Vector512.Load(x + i);
                    a += squares ? (d - c) * (d - c) : d;
                }
                tail += TailSum(x, vectorEnd, count, squares, center);
            }
            vectors = Vector512.Sum(a + b);
        }
        else if (Use256(count))
        {
            vectorEnd = count & ~7;
            var c = Vector256.Create(center);
            Vector256<float> a = default, b = default;
            for (int r = 0; r < rows; r++, x += rowStride)
            {
                int i = 0;
                for (; i <= vectorEnd - 16; i += 16)
                {
                    var (d, e) = (Vector256.Load(x + i), Vector256.Load(x + i + 8));
                    if (squares) (d, e) = ((d - c) * (d - c), (e - c) * (e - c));
                    (a, b) = (a + d, b + e);
                }
                if (i < vectorEnd)
                {
                    var d = Vector256.Load(x + i);
                    a += squares ? (d - c) * (d - c) : d;
                }
                tail += TailSum(x, vectorEnd, count, squares, center);
            }
            vectors = Vector256.Sum(a + b);
        }
        else
            for (int r = 0; r < rows; r++, x += rowStride) tail += TailSum(x, 0, count, squares, center);
        return vectors + tail;
    }

    /// <summary>
    /// (Σ g, Σ g·(x − mean)) over the block. With <paramref name="y"/>, the output of a leaky ReLU fused after the norm, g is
    /// first taken back through it: g where y &gt; 0, g·<paramref name="slope"/> elsewhere, as the activation's backward computes it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double SumG, double SumGCentered) GradientSums(float* x, float* g, float* y, float slope, int rows, long rowStride, int count, float mean)
    {
        float sumG = 0, dot = 0;
        int vectorEnd = 0;
        if (Use512(count))
        {
            vectorEnd = count & ~15;
            var (m, s) = (Vector512.Create(mean), Vector512.Create(slope));
            Vector512<float> a = default, b = default;
            for (int r = 0; r < rows; r++)
                for (int i = 0; i < vectorEnd; i += 16)
                {
                    var gv = Vector512.Load(g + r * rowStride + i);
                    if (y != null) gv = Through(Vector512.Load(y + r * rowStride + i), gv, s);
                    a += gv;
                    b += gv * (Vector512.Load(x + r * rowStride + i) - m);
                }
            (sumG, dot) = (Vector512.Sum(a), Vector512.Sum(b));
        }
        else if (Use256(count))
        {
            vectorEnd = count & ~7;
            var (m, s) = (Vector256.Create(mean), Vector256.Create(slope));
            Vector256<float> a = default, b = default;
            for (int r = 0; r < rows; r++)
                for (int i = 0; i < vectorEnd; i += 8)
                {
                    var gv = Vector256.Load(g + r * rowStride + i);
                    if (y != null) gv = Through(Vector256.Load(y + r * rowStride + i), gv, s);
                    a += gv;
                    b += gv * (Vector256.Load(x + r * rowStride + i) - m);
                }
            (sumG, dot) = (Vector256.Sum(a), Vector256.Sum(b));
        }
        double tailG = 0, tailDot = 0;
        for (int r = 0; r < rows; r++)
        {
            float rowG = 0, rowDot = 0;
            for (int i = vectorEnd; i < count; i++)
            {
                float gi = g[r * rowStride + i];
                if (y != null) gi = Through(y[r * rowStride + i], gi, slope);
                rowG += gi;
                rowDot += gi * (x[r * rowStride + i] - mean);
            }
            (tailG, tailDot) = (tailG + rowG, tailDot + rowDot);
        }
        return (sumG + tailG, dot + tailDot);
    }

    /// <summary>
    /// y = (x − mean)·scale + shift over the block; when <paramref name="activate"/>, then a leaky ReLU of
    /// <paramref name="slope"/> (0: ReLU) on it, with the activation kernel's own arithmetic (the same bits as the two passes).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Normalize(float* x, float* y, int rows, long rowStride, int count, float mean, float scale, float shift,
        bool activate = false, float slope = 0f)
    {
        bool use512 = Use512(count), use256 = Use256(count);
        for (int r = 0; r < rows; r++, x += rowStride, y += rowStride)
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
    }

    /// <summary>gx = ((g − gMean) − (x − mean)·projection)·scale over the block, g first taken back through a fused leaky ReLU when <paramref name="y"/> is given.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void InputGradient(float* x, float* g, float* y, float slope, float* gx, int rows, long rowStride, int count,
        float mean, float gMean, float projection, float scale)
    {
        bool use512 = Use512(count), use256 = Use256(count);
        for (int r = 0; r < rows; r++, x += rowStride, g += rowStride, gx += rowStride, y += y == null ? 0 : rowStride)
        {
            int i = 0;
            if (use512)
            {
                var (m, gm, p, k, s) = (Vector512.Create(mean), Vector512.Create(gMean), Vector512.Create(projection), Vector512.Create(scale), Vector512.Create(slope));
                for (; i <= count - 16; i += 16)
                {
                    var gv = Vector512.Load(g + i);
                    if (y != null) gv = Through(Vector512.Load(y + i), gv, s);
                    ((gv - gm - (Vector512.Load(x + i) - m) * p) * k).Store(gx + i);
                }
            }
            else if (use256)
            {
                var (m, gm, p, k, s) = (Vector256.Create(mean), Vector256.Create(gMean), Vector256.Create(projection), Vector256.Create(scale), Vector256.Create(slope));
                for (; i <= count - 8; i += 8)
                {
                    var gv = Vector256.Load(g + i);
                    if (y != null) gv = Through(Vector256.Load(y + i), gv, s);
                    ((gv - gm - (Vector256.Load(x + i) - m) * p) * k).Store(gx + i);
                }
            }
            for (; i < count; i++)
            {
                float gi = y == null ? g[i] : Through(y[i], g[i], slope);
                gx[i] = (gi - gMean - (x[i] - mean) * projection) * scale;
            }
        }
    }

    // A leaky ReLU's select, as LeakyReluKernel computes it: v where the sign source is positive, v·slope elsewhere. The
    // forward passes the normalised value as both; the backward passes the activation's output, positive exactly where
    // its input was (the slope is never negative).
    private static Vector512<float> Through(Vector512<float> sign, Vector512<float> v, Vector512<float> slope) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(sign, Vector512<float>.Zero), v, v * slope);

    private static Vector256<float> Through(Vector256<float> sign, Vector256<float> v, Vector256<float> slope) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(sign, Vector256<float>.Zero), v, v * slope);

    private static float Through(float sign, float v, float slope) => sign > 0 ? v : v * slope;

    private static float TailSum(float* x, int start, int count, bool squares, float center)
    {
        float sum = 0;
        for (int i = start; i < count; i++) sum += squares ? (x[i] - center) * (x[i] - center) : x[i];
        return sum;
    }
}

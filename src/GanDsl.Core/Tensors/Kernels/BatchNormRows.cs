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

    /// <summary>(Σ g, Σ g·(x − mean)) over the block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double SumG, double SumGCentered) GradientSums(float* x, float* g, int rows, long rowStride, int count, float mean)
    {
        float sumG = 0, dot = 0;
        int vectorEnd = 0;
        if (Use512(count))
        {
            vectorEnd = count & ~15;
            var m = Vector512.Create(mean);
            Vector512<float> a = default, b = default;
            for (int r = 0; r < rows; r++)
                for (int i = 0; i < vectorEnd; i += 16)
                {
                    var gv = Vector512.Load(g + r * rowStride + i);
                    a += gv;
                    b += gv * (Vector512.Load(x + r * rowStride + i) - m);
                }
            (sumG, dot) = (Vector512.Sum(a), Vector512.Sum(b));
        }
        else if (Use256(count))
        {
            vectorEnd = count & ~7;
            var m = Vector256.Create(mean);
            Vector256<float> a = default, b = default;
            for (int r = 0; r < rows; r++)
                for (int i = 0; i < vectorEnd; i += 8)
                {
                    var gv = Vector256.Load(g + r * rowStride + i);
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
                rowG += gi;
                rowDot += gi * (x[r * rowStride + i] - mean);
            }
            (tailG, tailDot) = (tailG + rowG, tailDot + rowDot);
        }
        return (sumG + tailG, dot + tailDot);
    }

    /// <summary>y = (x − mean)·scale + shift over the block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Normalize(float* x, float* y, int rows, long rowStride, int count, float mean, float scale, float shift)
    {
        bool use512 = Use512(count), use256 = Use256(count);
        for (int r = 0; r < rows; r++, x += rowStride, y += rowStride)
        {
            int i = 0;
            if (use512)
            {
                var (m, k, b) = (Vector512.Create(mean), Vector512.Create(scale), Vector512.Create(shift));
                for (; i <= count - 16; i += 16) ((Vector512.Load(x + i) - m) * k + b).Store(y + i);
            }
            else if (use256)
            {
                var (m, k, b) = (Vector256.Create(mean), Vector256.Create(scale), Vector256.Create(shift));
                for (; i <= count - 8; i += 8) ((Vector256.Load(x + i) - m) * k + b).Store(y + i);
            }
            for (; i < count; i++) y[i] = (x[i] - mean) * scale + shift;
        }
    }

    /// <summary>gx = ((g − gMean) − (x − mean)·projection)·scale over the block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void InputGradient(float* x, float* g, float* gx, int rows, long rowStride, int count,
        float mean, float gMean, float projection, float scale)
    {
        bool use512 = Use512(count), use256 = Use256(count);
        for (int r = 0; r < rows; r++, x += rowStride, g += rowStride, gx += rowStride)
        {
            int i = 0;
            if (use512)
            {
                var (m, gm, p, k) = (Vector512.Create(mean), Vector512.Create(gMean), Vector512.Create(projection), Vector512.Create(scale));
                for (; i <= count - 16; i += 16)
                    ((Vector512.Load(g + i) - gm - (Vector512.Load(x + i) - m) * p) * k).Store(gx + i);
            }
            else if (use256)
            {
                var (m, gm, p, k) = (Vector256.Create(mean), Vector256.Create(gMean), Vector256.Create(projection), Vector256.Create(scale));
                for (; i <= count - 8; i += 8)
                    ((Vector256.Load(g + i) - gm - (Vector256.Load(x + i) - m) * p) * k).Store(gx + i);
            }
            for (; i < count; i++) gx[i] = (g[i] - gMean - (x[i] - mean) * projection) * scale;
        }
    }

    private static float TailSum(float* x, int start, int count, bool squares, float center)
    {
        float sum = 0;
        for (int i = start; i < count; i++) sum += squares ? (x[i] - center) * (x[i] - center) : x[i];
        return sum;
    }
}

using System.Runtime.Intrinsics;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// Leaky ReLU and its backward (slope 0 is ReLU) as vector compare-and-select loops, split into chunks over the
/// persistent pool for large tensors. Each element's result is one multiply or a copy, so every path and every
/// thread count gives the same bits as the scalar loop.
/// </summary>
internal static unsafe class LeakyReluKernel
{
    private const int Chunk = 16 * 1024;

    [ThreadStatic] private static Job? _job;

    /// <summary>y = x &gt; 0 ? x : x·slope.</summary>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, float slope)
    {
        fixed (float* px = x, py = y) Run(px, null, py, x.Length, slope);
    }

    /// <summary>r = x &gt; 0 ? g : g·slope.</summary>
    public static void Backward(ReadOnlySpan<float> g, ReadOnlySpan<float> x, Span<float> r, float slope)
    {
        fixed (float* pg = g, px = x, pr = r) Run(px, pg, pr, x.Length, slope);
    }

    private static void Run(float* x, float* g, float* r, int length, float slope)
    {
        if (length <= 2 * Chunk)
        {
            Range(x, g, r, 0, length, slope);
            return;
        }
        var j = _job ??= new Job();
        j.X = x;
        j.G = g;
        j.R = r;
        j.Length = length;
        j.Slope = slope;
        j.RunAll((length + Chunk - 1) / Chunk);
    }

    // g null: forward (the selected value is x itself); otherwise backward (select between g and g·slope by x's sign).
    internal static void Range(float* x, float* g, float* r, int start, int end, float slope)
    {
        int i = start;
        if (KernelSettings.Allows(VectorWidth.Bits512) && Vector512.IsHardwareAccelerated)
        {
            var s = Vector512.Create(slope);
            for (; i <= end - 16; i += 16)
            {
                var vx = Vector512.Load(x + i);
                var v = g == null ? vx : Vector512.Load(g + i);
                Vector512.ConditionalSelect(Vector512.GreaterThan(vx, Vector512<float>.Zero), v, v * s).Store(r + i);
            }
        }
        else if (KernelSettings.Allows(VectorWidth.Bits256) && Vector256.IsHardwareAccelerated)
        {
            var s = Vector256.Create(slope);
            for (; i <= end - 8; i += 8)
            {
                var vx = Vector256.Load(x + i);
                var v = g == null ? vx : Vector256.Load(g + i);
                Vector256.ConditionalSelect(Vector256.GreaterThan(vx, Vector256<float>.Zero), v, v * s).Store(r + i);
            }
        }
        for (; i < end; i++)
        {
            float v = g == null ? x[i] : g[i];
            r[i] = x[i] > 0 ? v : v * slope;
        }
    }

    private sealed class Job : ParallelJob
    {
        public float* X, G, R;
        public int Length;
        public float Slope;

        public override void Run(int part)
        {
            int start = part * Chunk;
            Range(X, G, R, start, Math.Min(Length, start + Chunk), Slope);
        }
    }
}

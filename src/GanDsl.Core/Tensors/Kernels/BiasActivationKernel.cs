using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// A channel bias and the leaky ReLU after it (slope 0 is ReLU) in one pass each way, over planes [N, C, inner]:
/// forward y = act(z + bias[c]); backward gz = y &gt; 0 ? g : g·slope and the bias gradient, each channel's sum of its
/// planes' vector sums in image order. Those are the element-wise add, <see cref="LeakyReluKernel"/> (whose backward
/// loop the backward calls) and <see cref="BlockSums"/> one after the other, element for element and sum for sum, so the
/// bits are theirs; a non-negative slope keeps y &gt; 0 exactly where z + bias &gt; 0, so the backward may read y. Large
/// calls are split over the pool by runs of planes in memory order, both ways: the backward keeps each plane's sum and
/// adds a channel's sums in image order after the job (walking a channel's planes across the images instead starts a
/// new stream every plane, and measured 2.5 times the forward's time a value).
/// </summary>
internal static unsafe class BiasActivationKernel
{
    private const int ParallelFloats = 32 * 1024;

    [ThreadStatic] private static Job? _job;

    /// <summary>y[n, c, i] = act(z[n, c, i] + bias[c]).</summary>
    public static void Forward(float[] z, float[] bias, float[] y, int n, int channels, int inner, float slope) =>
        Run(z, bias, y, null, null, n, channels, inner, slope);

    /// <summary>
    /// gz = y &gt; 0 ? g : g·slope; and when <paramref name="gBias"/> is given, gBias[c] = the sum over images, in order, of
    /// each plane's vector sum of gz (with one channel, one sum of all of gz, as a one-element target's sum is).
    /// </summary>
    public static void Backward(float[] g, float[] y, float[] gz, float[]? gBias, int n, int channels, int inner, float slope)
    {
        bool whole = channels == 1 && gBias is not null;
        Run(y, null, g, gz, whole ? null : gBias, n, channels, inner, slope);
        if (whole) gBias![0] = TensorPrimitives.Sum(gz);
    }

    // Forward: x = z, b = bias, r = y. Backward: x = y, r = g, gz and gBias the outputs.
    private static void Run(float[] x, float[]? b, float[] r, float[]? gz, float[]? gBias, int n, int channels, int inner, float slope)
    {
        var j = _job ??= new Job();
        int planes = n * channels;
        (j.X, j.B, j.R, j.Gz) = (x, b, r, gz);
        j.PlaneSums = gBias is null ? null : j.SumsFor(planes);
        (j.N, j.Channels, j.Inner, j.Slope) = (n, channels, inner, slope);
        j.PerPart = Math.Max(1, ParallelFloats / Math.Max(1, inner));
        int parts = (planes + j.PerPart - 1) / j.PerPart;
        if ((long)planes * inner < ParallelFloats || parts < 2) for (int p = 0; p < parts; p++) j.Run(p);
        else j.RunAll(parts);
        if (gBias is not null) BlockSums.AddInOrder(j.PlaneSums!, gBias, n, channels);
        (j.X, j.B, j.R, j.Gz, j.PlaneSums) = (null!, null, null!, null, null);
    }

    private sealed class Job : ParallelJob
    {
        public float[] X = null!, R = null!;
        public float[]? B, Gz, PlaneSums;
        public int N, Channels, Inner, PerPart;
        public float Slope;
        private float[] _sums = [];

        /// <summary>Room for one sum a plane, kept from call to call.</summary>
        public float[] SumsFor(int planes) => _sums.Length >= planes ? _sums : _sums = new float[planes];

        public override void Run(int part)
        {
            int end = Math.Min(N * Channels, (part + 1) * PerPart);
            if (B is { } bias)
            {
                fixed (float* z = X, y = R)
                    for (int plane = part * PerPart; plane < end; plane++)
                        Plane(z + (long)plane * Inner, y + (long)plane * Inner, bias[plane % Channels], Inner, Slope);
                return;
            }
            fixed (float* y = X, g = R, gz = Gz)
                for (int plane = part * PerPart; plane < end; plane++)
                {
                    long at = (long)plane * Inner;
                    LeakyReluKernel.Range(y + at, g + at, gz + at, 0, Inner, Slope);
                    if (PlaneSums is not null) PlaneSums[plane] = TensorPrimitives.Sum(new ReadOnlySpan<float>(gz + at, Inner));
                }
        }
    }

    // to = act(x + bias): the add, then LeakyReluKernel's select and product.
    private static void Plane(float* x, float* to, float bias, int length, float slope)
    {
        int i = 0;
        if (KernelSettings.Allows(VectorWidth.Bits512) && Vector512.IsHardwareAccelerated)
        {
            var (s, b) = (Vector512.Create(slope), Vector512.Create(bias));
            for (; i <= length - 16; i += 16)
            {
                var v = Vector512.Load(x + i) + b;
                Vector512.ConditionalSelect(Vector512.GreaterThan(v, Vector512<float>.Zero), v, v * s).Store(to + i);
            }
        }
        else if (KernelSettings.Allows(VectorWidth.Bits256) && Vector256.IsHardwareAccelerated)
        {
            var (s, b) = (Vector256.Create(slope), Vector256.Create(bias));
            for (; i <= length - 8; i += 8)
            {
                var v = Vector256.Load(x + i) + b;
                Vector256.ConditionalSelect(Vector256.GreaterThan(v, Vector256<float>.Zero), v, v * s).Store(to + i);
            }
        }
        for (; i < length; i++)
        {
            float v = x[i] + bias;
            to[i] = v > 0 ? v : v * slope;
        }
    }
}

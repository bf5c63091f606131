using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// The sum of squares of the gradients of many parameters (the gradient norm a training step reports), in double, the
/// same bits for any thread count and vector width. The values are cut into fixed chunks; inside a chunk, lane l of 32
/// adds the squares of the elements at offsets l, l + 32, l + 64, … in order (a float's square is exact in double, so
/// only these adds round), the lanes are added 0 to 31, and the chunks' sums are added in order. A serial double sum
/// waits four cycles on each add: two million gradients took milliseconds a step.
/// </summary>
internal sealed class SumOfSquares : ParallelJob
{
    private const int Lanes = 32; // GradientChunks.Length is a multiple, so every chunk's lanes start at its first element

    private readonly List<(int Parameter, int Start, int Length)> _chunks = new();
    private IReadOnlyList<Tensor> _parameters = [];
    private double[] _chunkSums = new double[16];

    /// <summary>Σ g² over the gradients of <paramref name="parameters"/> that have one.</summary>
    public double OfGradients(IReadOnlyList<Tensor> parameters)
    {
        _parameters = parameters;
        GradientChunks.Plan(parameters, _chunks);
        if (_chunkSums.Length < _chunks.Count) _chunkSums = new double[Math.Max(_chunks.Count, 2 * _chunkSums.Length)];
        if (_chunks.Count < 4) for (int p = 0; p < _chunks.Count; p++) Run(p);
        else RunAll(_chunks.Count);
        double sum = 0;
        for (int p = 0; p < _chunks.Count; p++) sum += _chunkSums[p];
        _parameters = []; // keeps no parameters alive between steps
        return sum;
    }

    public override void Run(int part)
    {
        var (parameter, start, length) = _chunks[part];
        _chunkSums[part] = Of(_parameters[parameter].Grad!.Data.AsSpan(start, length)); // chunks exist only for gradients
    }

    /// <summary>One chunk's sum: 32 lanes over the values in order, then the lanes added 0 to 31.</summary>
    internal static double Of(ReadOnlySpan<float> values)
    {
        Span<double> lanes = stackalloc double[Lanes];
        int whole = values.Length - values.Length % Lanes;
        ref float x = ref MemoryMarshal.GetReference(values);
        if (KernelSettings.Allows(VectorWidth.Bits512) && Vector512.IsHardwareAccelerated)
        {
            Vector512<double> a0 = default, a1 = default, a2 = default, a3 = default;
            for (int i = 0; i < whole; i += Lanes)
            {
                var (l0, l1) = Vector512.Widen(Vector512.LoadUnsafe(ref x, (nuint)i));
                var (l2, l3) = Vector512.Widen(Vector512.LoadUnsafe(ref x, (nuint)i + 16));
                a0 += l0 * l0;
                a1 += l1 * l1;
                a2 += l2 * l2;
                a3 += l3 * l3;
            }
            a0.CopyTo(lanes);
            a1.CopyTo(lanes[8..]);
            a2.CopyTo(lanes[16..]);
            a3.CopyTo(lanes[24..]);
        }
        else if (KernelSettings.Allows(VectorWidth.Bits256) && Vector256.IsHardwareAccelerated)
        {
            Span<Vector256<double>> a = stackalloc Vector256<double>[Lanes / 4];
            for (int i = 0; i < whole; i += Lanes)
                for (int q = 0; q < Lanes / 8; q++)
                {
                    var (lo, hi) = Vector256.Widen(Vector256.LoadUnsafe(ref x, (nuint)(i + 8 * q)));
                    a[2 * q] += lo * lo;
                    a[2 * q + 1] += hi * hi;
                }
            for (int q = 0; q < a.Length; q++) a[q].CopyTo(lanes[(4 * q)..]);
        }
        else
        {
            lanes.Clear();
            for (int i = 0; i < whole; i += Lanes)
                for (int l = 0; l < Lanes; l++)
                {
                    double v = values[i + l];
                    lanes[l] += v * v;
                }
        }
        for (int i = whole; i < values.Length; i++)
        {
            double v = values[i];
            lanes[i - whole] += v * v;
        }
        double sum = 0;
        for (int l = 0; l < Lanes; l++) sum += lanes[l];
        return sum;
    }
}

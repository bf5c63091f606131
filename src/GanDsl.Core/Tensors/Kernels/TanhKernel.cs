using System.Runtime.Intrinsics;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// The backward of tanh from its output, r = g·(1 − y·y), as a vector loop with a scalar tail. Each element is the
/// same three IEEE operations in the same order on either path (no fused multiply-add), so both give the same bits.
/// </summary>
internal static class TanhKernel
{
    public static void Backward(ReadOnlySpan<float> g, ReadOnlySpan<float> y, Span<float> r)
    {
        int i = 0;
        if (KernelSettings.Allows(VectorWidth.Bits256) && Vector256.IsHardwareAccelerated)
        {
            var one = Vector256.Create(1f);
            for (; i <= r.Length - 8; i += 8)
            {
                var vy = Vector256.Create(y.Slice(i, 8));
                (Vector256.Create(g.Slice(i, 8)) * (one - vy * vy)).CopyTo(r.Slice(i, 8));
            }
        }

        for (; i < r.Length; i++) r[i] = g[i] * (1f - y[i] * y[i]);
    }
}

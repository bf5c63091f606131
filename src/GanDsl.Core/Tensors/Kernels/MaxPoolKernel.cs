using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// The winners of 2-D max pooling: for each k×k window (stride s) of each plane, the flat index of its largest element.
/// Ties go to the first element in row-major window order and a NaN beats every number (the first NaN wins), as in
/// PyTorch. Planes are split over the persistent pool in groups; each group writes only its own indices, so every
/// thread count gives the same result. The common 2×2 window with stride 2 has loops of its own: with AVX-512 or AVX2,
/// each vector holds a row's windows and the four comparisons run lane by lane as selects (on random values a branch per
/// comparison is mispredicted half the time, which cost 13 ns a window).
/// </summary>
internal static unsafe class MaxPoolKernel
{
    // About 40k input elements per part for 24x24 planes: enough work to be worth a helper's wake-up.
    private const int PlanesPerPart = 64;

    [ThreadStatic] private static Job? _job;

    /// <summary>Writes into <paramref name="index"/> (planes·ho·wo) the flat index in <paramref name="x"/> of each window's winner.</summary>
    public static void Winners(ReadOnlySpan<float> x, Span<int> index, int planes, int h, int w, int kernel, int stride)
    {
        var j = _job ??= new Job();
        fixed (float* px = x)
        fixed (int* pi = index)
        {
            j.X = px;
            j.Index = pi;
            (j.Planes, j.H, j.W, j.Kernel, j.Stride) = (planes, h, w, kernel, stride);
            int parts = (planes + PlanesPerPart - 1) / PlanesPerPart;
            if (parts == 1) j.Run(0);
            else j.RunAll(parts);
            j.X = null;
            j.Index = null;
        }
    }

    // A candidate replaces the best so far when it is larger, or when it is NaN and the best is not; a NaN best stays.
    // "!(v <= best)" is true for v > best and for a NaN v.
    private static bool Replaces(float v, float best) => !(v <= best) && !float.IsNaN(best);

    private static void Plane(float* x, int* index, int offset, int h, int w, int k, int s)
    {
        int ho = (h - k) / s + 1, wo = (w - k) / s + 1;
        for (int oy = 0; oy < ho; oy++)
        for (int ox = 0; ox < wo; ox++)
        {
            int bestAt = oy * s * w + ox * s;
            float best = x[bestAt];
            for (int ky = 0; ky < k; ky++)
            {
                int row = (oy * s + ky) * w + ox * s;
                for (int kx = 0; kx < k; kx++)
                {
                    float v = x[row + kx];
                    if (Replaces(v, best)) (best, bestAt) = (v, row + kx);
                }
            }
            *index++ = offset + bestAt;
        }
    }

    // The same comparisons as Plane for k = s = 2, in the same order: (0,0), (0,1), (1,0), (1,1).
    private static void Plane2x2(float* x, int* index, int offset, int h, int w)
    {
        int ho = h / 2, wo = w / 2;
        for (int oy = 0; oy < ho; oy++)
        {
            float* top = x + 2 * oy * w;
            float* bottom = top + w;
            int topAt = offset + 2 * oy * w;
            for (int ox = 0; ox < wo; ox++)
            {
                int c = 2 * ox;
                float best = top[c];
                int at = topAt + c;
                float v = top[c + 1];
                if (Replaces(v, best)) (best, at) = (v, topAt + c + 1);
                v = bottom[c];
                if (Replaces(v, best)) (best, at) = (v, topAt + w + c);
                v = bottom[c + 1];
                if (Replaces(v, best)) at = topAt + w + c + 1;
                *index++ = at;
            }
        }
    }

    // Plane2x2's comparisons lane by lane: lane i holds window (oy, ox0 + i); the even and odd columns of its two rows
    // are deinterleaved from masked loads that stay inside the rows.
    private static void Plane2x2Vector512(float* x, int* index, int offset, int h, int w)
    {
        int ho = h / 2, wo = w / 2;
        var columns = Vector512<int>.Indices * 2;
        for (int oy = 0; oy < ho; oy++)
        {
            float* top = x + 2 * oy * w;
            int topAt = offset + 2 * oy * w;
            for (int ox0 = 0; ox0 < wo; ox0 += 16)
            {
                int c = 2 * ox0, count = Math.Min(16, wo - ox0);
                var (even0, even1) = (Lanes512.FirstLanes(2 * count), Lanes512.FirstLanes(2 * count - 16));
                var (odd0, odd1) = (Lanes512.FirstLanes(2 * count - 1), Lanes512.FirstLanes(2 * count - 17));
                var first = Vector512.Create(topAt + c) + columns;
                var (best, at) = (Lanes512.LoadEven(top + c, even0, even1), first);
                (best, at) = Keep512(Lanes512.LoadEven(top + c + 1, odd0, odd1), first + Vector512.Create(1), best, at);
                (best, at) = Keep512(Lanes512.LoadEven(top + w + c, even0, even1), first + Vector512.Create(w), best, at);
                (_, at) = Keep512(Lanes512.LoadEven(top + w + c + 1, odd0, odd1), first + Vector512.Create(w + 1), best, at);
                Avx512F.MaskStore(index + oy * wo + ox0, Lanes512.FirstLanes(count).AsInt32(), at);
            }
        }
    }

    private static void Plane2x2Vector256(float* x, int* index, int offset, int h, int w)
    {
        int ho = h / 2, wo = w / 2;
        var columns = Vector256<int>.Indices * 2;
        for (int oy = 0; oy < ho; oy++)
        {
            float* top = x + 2 * oy * w;
            int topAt = offset + 2 * oy * w;
            for (int ox0 = 0; ox0 < wo; ox0 += 8)
            {
                int c = 2 * ox0, count = Math.Min(8, wo - ox0);
                var (even0, even1) = (Lanes256.FirstLanes(2 * count), Lanes256.FirstLanes(2 * count - 8));
                var (odd0, odd1) = (Lanes256.FirstLanes(2 * count - 1), Lanes256.FirstLanes(2 * count - 9));
                var first = Vector256.Create(topAt + c) + columns;
                var (best, at) = (Lanes256.LoadEven(top + c, even0, even1), first);
                (best, at) = Keep256(Lanes256.LoadEven(top + c + 1, odd0, odd1), first + Vector256.Create(1), best, at);
                (best, at) = Keep256(Lanes256.LoadEven(top + w + c, even0, even1), first + Vector256.Create(w), best, at);
                (_, at) = Keep256(Lanes256.LoadEven(top + w + c + 1, odd0, odd1), first + Vector256.Create(w + 1), best, at);
                Avx2.MaskStore(index + oy * wo + ox0, Lanes256.FirstLanes(count).AsInt32(), at);
            }
        }
    }

    // Replaces, lane by lane: v wins where !(v <= best) and best is not NaN (best == best).
    private static (Vector512<float>, Vector512<int>) Keep512(Vector512<float> v, Vector512<int> vAt, Vector512<float> best, Vector512<int> at)
    {
        var wins = Vector512.AndNot(Vector512.Equals(best, best), Vector512.LessThanOrEqual(v, best));
        return (Vector512.ConditionalSelect(wins, v, best), Vector512.ConditionalSelect(wins.AsInt32(), vAt, at));
    }

    private static (Vector256<float>, Vector256<int>) Keep256(Vector256<float> v, Vector256<int> vAt, Vector256<float> best, Vector256<int> at)
    {
        var wins = Vector256.AndNot(Vector256.Equals(best, best), Vector256.LessThanOrEqual(v, best));
        return (Vector256.ConditionalSelect(wins, v, best), Vector256.ConditionalSelect(wins.AsInt32(), vAt, at));
    }

    private sealed class Job : ParallelJob
    {
        public float* X;
        public int* Index;
        public int Planes, H, W, Kernel, Stride;

        public override void Run(int part)
        {
            int ho = (H - Kernel) / Stride + 1, wo = (W - Kernel) / Stride + 1;
            var width = Lanes.For();
            int end = Math.Min(Planes, (part + 1) * PlanesPerPart);
            for (int plane = part * PlanesPerPart; plane < end; plane++)
            {
                int offset = plane * H * W;
                int* index = Index + (nint)plane * ho * wo;
                if (Kernel != 2 || Stride != 2) Plane(X + offset, index, offset, H, W, Kernel, Stride);
                else if (width == LaneWidth.Bits512) Plane2x2Vector512(X + offset, index, offset, H, W);
                else if (width == LaneWidth.Bits256) Plane2x2Vector256(X + offset, index, offset, H, W);
                else Plane2x2(X + offset, index, offset, H, W);
            }
        }
    }
}

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// The winners of 2-D max pooling: for each k×k window (stride s) of each plane, the flat index of its largest element.
/// Ties go to the first element in row-major window order and a NaN beats every number (the first NaN wins), as in
/// PyTorch. Planes are split over the persistent pool in groups; each group writes only its own indices, so every
/// thread count gives the same result. The common 2×2 window with stride 2 has a loop of its own.
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

    private sealed class Job : ParallelJob
    {
        public float* X;
        public int* Index;
        public int Planes, H, W, Kernel, Stride;

        public override void Run(int part)
        {
            int ho = (H - Kernel) / Stride + 1, wo = (W - Kernel) / Stride + 1;
            int end = Math.Min(Planes, (part + 1) * PlanesPerPart);
            for (int plane = part * PlanesPerPart; plane < end; plane++)
            {
                int offset = plane * H * W;
                int* index = Index + (nint)plane * ho * wo;
                if (Kernel == 2 && Stride == 2) Plane2x2(X + offset, index, offset, H, W);
                else Plane(X + offset, index, offset, H, W, Kernel, Stride);
            }
        }
    }
}

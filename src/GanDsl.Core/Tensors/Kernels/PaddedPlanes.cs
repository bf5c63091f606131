namespace GanDsl.Tensors.Kernels;

/// <summary>
/// Copies of image planes with a zero border, so the direct convolution loops read every tap without a bounds test, and
/// the weight reorders that turn an input gradient into a forward convolution. Parts own distinct planes: the same result
/// on any thread count (values are only moved).
/// </summary>
internal static unsafe class PaddedPlanes
{
    private const long ParallelFloats = 32 * 1024;

    [ThreadStatic] private static PadJob? pad;

    /// <summary>
    /// dst[i, r + border, q + border] = src[i, r, q] for <paramref name="planes"/> planes of height × width, and 0 in the
    /// border; dst planes are (height + 2·border) × (width + 2·border).
    /// </summary>
    public static void Copy(float* src, int planes, int height, int width, int border, float* dst)
    {
        var job = pad ??= new PadJob();
        job.Src = src;
        job.Dst = dst;
        (job.Height, job.Width, job.Border) = (height, width, border);
        long floats = (long)planes * (height + 2 * border) * (width + 2 * border);
        if (floats < ParallelFloats) for (int i = 0; i < planes; i++) job.Run(i);
        else job.RunAll(planes);
    }

    /// <summary>
    /// flipped[c, o, ty, tx] = w[o, c, k − 1 − ty, k − 1 − tx]: the weights of the forward convolution that computes the
    /// input gradient of a stride-1 convolution with weights w [outChannels, inChannels, k, k].
    /// </summary>
    public static void FlipTransposed(float* w, int outChannels, int inChannels, int k, float* flipped)
    {
        int kk = k * k;
        for (int o = 0; o < outChannels; o++)
        for (int c = 0; c < inChannels; c++)
        {
            float* from = w + ((long)o * inChannels + c) * kk;
            float* to = flipped + ((long)c * outChannels + o) * kk;
            for (int t = 0; t < kk; t++) to[t] = from[kk - 1 - t];
        }
    }

    private sealed class PadJob : ParallelJob
    {
        public float* Src, Dst;
        public int Height, Width, Border;

        public override void Run(int part)
        {
            int wp = Width + 2 * Border, hp = Height + 2 * Border;
            float* to = Dst + (long)part * hp * wp;
            float* from = Src + (long)part * Height * Width;
            new Span<float>(to, Border * wp + Border).Clear();
            for (int r = 0; r < Height; r++)
            {
                float* line = to + (long)(r + Border) * wp + Border;
                Buffer.MemoryCopy(from + (long)r * Width, line, Width * sizeof(float), Width * sizeof(float));
                new Span<float>(line + Width, 2 * Border).Clear(); // this row's right border and the next row's left
            }
            new Span<float>(to + (long)(Height + Border) * wp, Border * wp).Clear();
        }
    }
}

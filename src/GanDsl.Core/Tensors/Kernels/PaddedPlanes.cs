using System.Runtime.Intrinsics;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// The input arrangements the direct convolution reads (<see cref="DirectConvolution"/>): every tap of an output row must
/// be one contiguous run. Each copies a batch of planes [planes, height, width] into a buffer of planes of
/// <c>rows × rowLength</c> with zeros wherever the source has no value. Parts own distinct planes and only move values:
/// the same result on any thread count.
/// </summary>
internal static unsafe class PaddedPlanes
{
    private const long ParallelFloats = 32 * 1024;

    // A part arranges whole planes, about this many floats of them: one part a plane spent a fifth of a small plane's
    // copy on claiming it (lightning-cnn's 4096 doubled planes of 18 × 36 a call).
    private const int PartFloats = 8 * 1024;

    [ThreadStatic] private static ArrangeJob? _arrange;

    /// <summary>How a plane is laid out: dst row r, position q holds src row r − Top at column Column(q), or 0.</summary>
    public enum Layout
    {
        /// <summary>Column q − Left: a zero border (stride 1).</summary>
        Bordered,

        /// <summary>The bordered row's even columns, then its odd ones, each half <c>rowLength / 2</c> long (stride 2).</summary>
        EvenOdd,

        /// <summary>Column ⌊(q − Left) / 2⌋: every column twice (a transposed stride-2 convolution's gradient).</summary>
        Doubled,
    }

    /// <summary>Copies <paramref name="planes"/> planes of <paramref name="height"/> × <paramref name="width"/> into dst as <paramref name="layout"/>.</summary>
    public static void Arrange(Layout layout, float* src, int planes, int height, int width, float* dst, int rows, int rowLength, int top, int left)
    {
        var job = _arrange ??= new ArrangeJob();
        job.Src = src;
        job.Dst = dst;
        job.Planes = planes;
        job.Arrangement = new Arrangement(layout, height, width, rows, rowLength, top, left);
        job.PlanesPerPart = Math.Max(1, PartFloats / Math.Max(1, rows * rowLength));
        int parts = (planes + job.PlanesPerPart - 1) / job.PlanesPerPart;
        if ((long)planes * rows * rowLength < ParallelFloats || parts < 2) for (int i = 0; i < parts; i++) job.Run(i);
        else job.RunAll(parts);
    }

    private sealed class ArrangeJob : ParallelJob
    {
        public float* Src, Dst;
        public Arrangement Arrangement;
        public int Planes, PlanesPerPart;

        public override void Run(int part)
        {
            int first = part * PlanesPerPart, count = Math.Min(Planes, first + PlanesPerPart) - first;
            Arrangement.Run(Src + (long)first * Arrangement.SourcePlane, Dst + (long)first * Arrangement.Plane, count);
        }
    }

    /// <summary>One layout's geometry: copies planes on the calling thread (a caller that arranges an image at a time).</summary>
    public readonly struct Arrangement(Layout kind, int height, int width, int rows, int rowLength, int top, int left)
    {
        /// <summary>Floats of a source plane and of an arranged one.</summary>
        public long SourcePlane => (long)height * width;
        public long Plane => (long)rows * rowLength;

        /// <summary>Arranges <paramref name="planes"/> consecutive planes from <paramref name="src"/> into <paramref name="dst"/>.</summary>
        public void Run(float* src, float* dst, int planes)
        {
            for (int i = 0; i < planes; i++) RunPlane(src + i * SourcePlane, dst + i * Plane);
        }

        private void RunPlane(float* plane, float* to)
        {
            for (int r = 0; r < rows; r++, to += rowLength)
            {
                int sourceRow = r - top;
                if ((uint)sourceRow >= (uint)height)
                {
                    new Span<float>(to, rowLength).Clear();
                    continue;
                }
                float* from = plane + (long)sourceRow * width;
                switch (kind)
                {
                    case Layout.Bordered: Bordered(from, to); break;
                    case Layout.EvenOdd: EvenOdd(from, to); break;
                    default: Doubled(from, to); break;
                }
            }
        }

        private void Bordered(float* from, float* to)
        {
            int start = Math.Clamp(left, 0, rowLength), count = Math.Clamp(width, 0, rowLength - start);
            new Span<float>(to, start).Clear();
            Buffer.MemoryCopy(from, to + start, count * sizeof(float), count * sizeof(float));
            new Span<float>(to + start + count, rowLength - start - count).Clear();
        }

        // Bordered column b = q − left goes to b / 2 (even b) or half + b / 2 (odd b).
        private void EvenOdd(float* from, float* to)
        {
            int half = rowLength / 2;
            for (int j = 0; j < half; j++)
            {
                int even = 2 * j - left, odd = even + 1;
                to[j] = (uint)even < (uint)width ? from[even] : 0f;
                to[half + j] = (uint)odd < (uint)width ? from[odd] : 0f;
            }
        }

        private void Doubled(float* from, float* to)
        {
            int end = Math.Min(rowLength, left + 2 * width), q = 0;
            for (; q < Math.Min(left, rowLength); q++) to[q] = 0f;
            for (; q + 8 <= end; q += 8) // left ≥ 0 here, and q − left stays even
            {
                var v = Vector128.Load(from + (q - left) / 2);
                Vector128.Shuffle(v, Vector128.Create(0, 0, 1, 1)).Store(to + q);
                Vector128.Shuffle(v, Vector128.Create(2, 2, 3, 3)).Store(to + q + 4);
            }
            for (; q < end; q++) to[q] = from[(q - left) / 2];
            for (; q < rowLength; q++) to[q] = 0f;
        }
    }
}

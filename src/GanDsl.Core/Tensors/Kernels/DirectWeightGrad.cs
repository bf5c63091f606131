using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// The weight gradient of a convolution straight from its input, without lowering:
/// dw[o, c, ky, kx] = Σ_n Σ_oy Σ_ox dy[n, o, oy, ox] · x[n, c, s·oy + ky, s·ox + kx] over input planes arranged as
/// <see cref="DirectConvolution"/> reads them (bordered; for stride 2 each row's even columns, then its odd ones), so each
/// tap of an output row is one contiguous run. The batch is cut into chunks of <see cref="ChunkImages"/> images, so a
/// part reads only its chunk's planes (which stay in cache) rather than the whole batch. A part owns one chunk, one or
/// (with AVX-512) two output channels, one input channel, one kernel row and four kernel columns: it keeps a partial sum
/// per output column and tap in registers while it walks its images and rows (each gradient vector serves four taps,
/// each input vector both channels), then adds the column partials in column order into its chunk's slice of a scratch
/// buffer; a last pass adds the chunks in order. With one output channel and AVX-512 (registers to spare) and stride 1,
/// a part takes two adjacent kernel rows instead: input row r serves output row r − ky for the first and r − ky − 1 for
/// the second, so each input vector is loaded once for both and each gradient row is kept for the next input row, half the
/// loads for the same sums in the same order. Every sum runs in an order fixed by the shapes alone: all widths and
/// thread counts give the same bits.
/// </summary>
internal static unsafe class DirectWeightGrad
{
    public const int ChunkImages = 8;
    private const int TapsPerPart = 4;

    /// <summary>The widest output row a part's column partials (kept on the stack) may have.</summary>
    public const int MaxOutWidth = 512;

    [ThreadStatic] private static WeightGradJob? _job;
    [ThreadStatic] private static ChunkSumJob? _sum;

    /// <summary>
    /// Arranged input planes: image n, channel c, arranged row r start at Data + n·ImageStride + c·ChannelStride + r·RowStride;
    /// output row oy reads arranged row Stride·oy + ky, and tap kx starts at column <see cref="ColumnOf"/>(kx).
    /// </summary>
    public readonly struct Planes(float* data, long imageStride, long channelStride, int rowStride, int stride, int half)
    {
        public readonly float* Data = data;
        public readonly long ImageStride = imageStride, ChannelStride = channelStride;
        public readonly int RowStride = rowStride, Stride = stride, Half = half;

        /// <summary>Where tap kx's run starts in an arranged row: kx for stride 1, its parity's half for stride 2.</summary>
        public int ColumnOf(int kx) => Stride == 1 ? kx : kx % 2 * Half + kx / 2;
    }

    /// <summary>dw [outChannels, inChannels, k, k]; <paramref name="partials"/> has room for ⌈batch / 8⌉ copies of dw.</summary>
    public static void Run(Planes x, int batch, int inChannels, float* dy, int outChannels, int k, int outHeight, int outWidth, float* dw, float* partials)
    {
        var j = _job ??= new WeightGradJob();
        j.X = x;
        j.Dy = dy;
        j.Partials = partials;
        (j.Batch, j.InChannels, j.OutChannels, j.K, j.OutHeight, j.OutWidth) = (batch, inChannels, outChannels, k, outHeight, outWidth);
        j.Width = Lanes.For(narrowRow: outWidth);
        int lanes = j.Width switch { LaneWidth.Bits512 => 16, LaneWidth.Bits256 => 8, _ => 1 };
        j.Vectors = lanes == 1 ? 2 : Math.Clamp((outWidth + lanes - 1) / lanes, 1, 2);
        j.PerBlock = lanes == 16 ? 2 : 1;
        j.Blocks = (outChannels + j.PerBlock - 1) / j.PerBlock;
        j.Groups = (k + TapsPerPart - 1) / TapsPerPart;
        j.Chunks = (batch + ChunkImages - 1) / ChunkImages;
        j.RowsPerPart = lanes == 16 && outChannels == 1 && x.Stride == 1 ? 2 : 1;
        j.RowGroups = (k + j.RowsPerPart - 1) / j.RowsPerPart;
        int parts = j.Chunks * j.Blocks * inChannels * j.RowGroups * j.Groups;
        long work = (long)parts * ChunkImages * outHeight * outWidth * TapsPerPart;
        Run(j, parts, work);

        var s = _sum ??= new ChunkSumJob();
        s.Partials = partials;
        s.Dw = dw;
        (s.Chunks, s.Size) = (j.Chunks, outChannels * inChannels * k * k);
        Run(s, (s.Size + ChunkSumJob.PartSize - 1) / ChunkSumJob.PartSize, (long)s.Size * s.Chunks);
    }

    private static void Run(ParallelJob work, int parts, long size)
    {
        if (size < 256 * 1024) for (int i = 0; i < parts; i++) work.Run(i);
        else work.RunAll(parts);
    }

    private sealed class WeightGradJob : ParallelJob
    {
        public Planes X;
        public float* Dy, Partials;
        public int Batch, InChannels, OutChannels, K, OutHeight, OutWidth, Vectors, PerBlock, Blocks, Groups, Chunks, RowsPerPart, RowGroups;
        public LaneWidth Width;

        public override void Run(int part)
        {
            int group = part % Groups, rest = part / Groups;
            int ky = rest % RowGroups * RowsPerPart;
            rest /= RowGroups;
            int c = rest % InChannels;
            rest /= InChannels;
            int block = rest % Blocks, chunk = rest / Blocks;
            var at = new Part(chunk, block * PerBlock, Math.Min(PerBlock, OutChannels - block * PerBlock), c, ky, group * TapsPerPart,
                RowPair: RowsPerPart == 2 && ky + 1 < K);
            switch (Width, Vectors)
            {
                case (LaneWidth.Bits512, 1): Taps<Vector512<float>, Lanes512, One>(at); break;
                case (LaneWidth.Bits512, _): Taps<Vector512<float>, Lanes512, Two>(at); break;
                case (LaneWidth.Bits256, 1): Taps<Vector256<float>, Lanes256, One>(at); break;
                case (LaneWidth.Bits256, _): Taps<Vector256<float>, Lanes256, Two>(at); break;
                default: Taps<float, LanesScalar, Two>(at); break;
            }
        }

        private void Taps<TV, TL, TC>(in Part at) where TV : struct where TL : struct, IVectorLanes<TV> where TC : struct, IVectorCount
        {
            if (at.Channels == 2 || at.RowPair) Taps<TV, TL, TC, Two>(at);
            else Taps<TV, TL, TC, One>(at);
        }

        private void Taps<TV, TL, TC, TO>(in Part at)
            where TV : struct where TL : struct, IVectorLanes<TV> where TC : struct, IVectorCount where TO : struct, IVectorCount
        {
            int wo = OutWidth, taps = Math.Min(TapsPerPart, K - at.Kx0), chunk = TL.Count * TC.V;
            float* partials = stackalloc float[2 * TapsPerPart * wo]; // [channel][tap][column]
            for (int ox = 0; ox < wo; ox += chunk)
            {
                var pass = new Pass(this, at, taps, ox, partials + ox);
                bool whole = wo - ox >= chunk;
                if (at.RowPair && whole) pass.RunRowPair<TV, TL, TC, Whole>(chunk);
                else if (at.RowPair) pass.RunRowPair<TV, TL, TC, Masked>(wo - ox);
                else if (whole) pass.Run<TV, TL, TC, TO, Whole>(chunk);
                else pass.Run<TV, TL, TC, TO, Masked>(wo - ox);
            }

            // The second set of partials (TO two) is the second output channel, or the second kernel row of a row pair.
            int size = OutChannels * InChannels * K * K;
            for (int o = 0; o < TO.V; o++)
            {
                var (channel, ky) = at.RowPair ? (at.O, at.Ky + o) : (at.O + o, at.Ky);
                float* dw = Partials + (long)at.Chunk * size + (((long)channel * InChannels + at.C) * K + ky) * K + at.Kx0;
                for (int t = 0; t < taps; t++)
                {
                    float total = 0f;
                    float* row = partials + (o * TapsPerPart + t) * wo;
                    for (int q = 0; q < wo; q++) total += row[q];
                    dw[t] = total;
                }
            }
        }

        private readonly record struct Part(int Chunk, int O, int Channels, int C, int Ky, int Kx0, bool RowPair);

        private readonly struct Pass(WeightGradJob j, in Part at, int taps, int ox, float* partials)
        {
            private readonly Part _at = at;

            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            public void Run<TV, TL, TC, TO, TM>(int columns)
                where TV : struct where TL : struct, IVectorLanes<TV> where TC : struct, IVectorCount
                where TO : struct, IVectorCount where TM : struct, ILoadMode
            {
                int l = TL.Count, wo = j.OutWidth;
                var x = j.X;
                TV m0 = TL.FirstLanes(columns), m1 = TL.FirstLanes(columns - l);
                // Taps past the kernel's edge recompute the last one (never read outside the row) and are not kept.
                int column0 = x.ColumnOf(_at.Kx0);
                nint t1 = x.ColumnOf(_at.Kx0 + Math.Min(1, taps - 1)) - column0, t2 = x.ColumnOf(_at.Kx0 + Math.Min(2, taps - 1)) - column0;
                nint t3 = x.ColumnOf(_at.Kx0 + Math.Min(3, taps - 1)) - column0;
                nint rowStep = (nint)x.RowStride * x.Stride, plane = (nint)j.OutHeight * wo, second = TO.V > 1 ? plane : 0;
                TV a00 = TL.Zero, a01 = TL.Zero, a10 = TL.Zero, a11 = TL.Zero, a20 = TL.Zero, a21 = TL.Zero, a30 = TL.Zero, a31 = TL.Zero;
                TV b00 = TL.Zero, b01 = TL.Zero, b10 = TL.Zero, b11 = TL.Zero, b20 = TL.Zero, b21 = TL.Zero, b30 = TL.Zero, b31 = TL.Zero;
                int end = Math.Min(j.Batch, (_at.Chunk + 1) * ChunkImages);
                for (int n = _at.Chunk * ChunkImages; n < end; n++)
                {
                    float* g = j.Dy + ((long)n * j.OutChannels + _at.O) * plane + ox;
                    float* row = x.Data + n * x.ImageStride + _at.C * x.ChannelStride + (long)_at.Ky * x.RowStride + ox + column0;
                    for (int oy = 0; oy < j.OutHeight; oy++, g += wo, row += rowStep)
                    {
                        TV g0 = DirectConvolution.Load<TV, TL, TM>(g, m0), h0 = DirectConvolution.Load<TV, TL, TM>(g + second, m0);
                        TV x0 = DirectConvolution.Load<TV, TL, TM>(row, m0), x1 = DirectConvolution.Load<TV, TL, TM>(row + t1, m0);
                        TV x2 = DirectConvolution.Load<TV, TL, TM>(row + t2, m0), x3 = DirectConvolution.Load<TV, TL, TM>(row + t3, m0);
                        a00 = TL.MultiplyAdd(g0, x0, a00);
                        a10 = TL.MultiplyAdd(g0, x1, a10);
                        a20 = TL.MultiplyAdd(g0, x2, a20);
                        a30 = TL.MultiplyAdd(g0, x3, a30);
                        if (TO.V > 1)
                        {
                            b00 = TL.MultiplyAdd(h0, x0, b00);
                            b10 = TL.MultiplyAdd(h0, x1, b10);
                            b20 = TL.MultiplyAdd(h0, x2, b20);
                            b30 = TL.MultiplyAdd(h0, x3, b30);
                        }
                        if (TC.V > 1)
                        {
                            TV g1 = DirectConvolution.Load<TV, TL, TM>(g + l, m1), h1 = DirectConvolution.Load<TV, TL, TM>(g + second + l, m1);
                            TV y0 = DirectConvolution.Load<TV, TL, TM>(row + l, m1), y1 = DirectConvolution.Load<TV, TL, TM>(row + t1 + l, m1);
                            TV y2 = DirectConvolution.Load<TV, TL, TM>(row + t2 + l, m1), y3 = DirectConvolution.Load<TV, TL, TM>(row + t3 + l, m1);
                            a01 = TL.MultiplyAdd(g1, y0, a01);
                            a11 = TL.MultiplyAdd(g1, y1, a11);
                            a21 = TL.MultiplyAdd(g1, y2, a21);
                            a31 = TL.MultiplyAdd(g1, y3, a31);
                            if (TO.V > 1)
                            {
                                b01 = TL.MultiplyAdd(h1, y0, b01);
                                b11 = TL.MultiplyAdd(h1, y1, b11);
                                b21 = TL.MultiplyAdd(h1, y2, b21);
                                b31 = TL.MultiplyAdd(h1, y3, b31);
                            }
                        }
                    }
                }

                SpillTaps<TV, TL, TC>(partials, wo, a00, a01, a10, a11, a20, a21, a30, a31, m0, m1);
                if (TO.V < 2) return;
                float* more = partials + TapsPerPart * wo;
                SpillTaps<TV, TL, TC>(more, wo, b00, b01, b10, b11, b20, b21, b30, b31, m0, m1);
            }

            // Kernel rows Ky (sums a) and Ky + 1 (sums b) of one output channel, stride 1: input row Ky + r serves output row
            // r of the first and r − 1 of the second, so its vectors are loaded once, and gradient row r is kept for r + 1.
            // Each sum still takes its output rows in order, image by image.
            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            public void RunRowPair<TV, TL, TC, TM>(int columns)
                where TV : struct where TL : struct, IVectorLanes<TV> where TC : struct, IVectorCount where TM : struct, ILoadMode
            {
                int l = TL.Count, wo = j.OutWidth, ho = j.OutHeight;
                var x = j.X;
                TV m0 = TL.FirstLanes(columns), m1 = TL.FirstLanes(columns - l);
                int column0 = x.ColumnOf(_at.Kx0);
                nint t1 = x.ColumnOf(_at.Kx0 + Math.Min(1, taps - 1)) - column0, t2 = x.ColumnOf(_at.Kx0 + Math.Min(2, taps - 1)) - column0;
                nint t3 = x.ColumnOf(_at.Kx0 + Math.Min(3, taps - 1)) - column0;
                nint rowStep = x.RowStride;
                TV a00 = TL.Zero, a01 = TL.Zero, a10 = TL.Zero, a11 = TL.Zero, a20 = TL.Zero, a21 = TL.Zero, a30 = TL.Zero, a31 = TL.Zero;
                TV b00 = TL.Zero, b01 = TL.Zero, b10 = TL.Zero, b11 = TL.Zero, b20 = TL.Zero, b21 = TL.Zero, b30 = TL.Zero, b31 = TL.Zero;
                int end = Math.Min(j.Batch, (_at.Chunk + 1) * ChunkImages);
                for (int n = _at.Chunk * ChunkImages; n < end; n++)
                {
                    float* g = j.Dy + (long)n * j.OutChannels * ho * wo + ox;
                    float* row = x.Data + n * x.ImageStride + _at.C * x.ChannelStride + (long)_at.Ky * x.RowStride + ox + column0;
                    TV p0 = TL.Zero, p1 = TL.Zero; // gradient row r − 1
                    for (int r = 0; r <= ho; r++, g += wo, row += rowStep)
                    {
                        TV x0 = DirectConvolution.Load<TV, TL, TM>(row, m0), x1 = DirectConvolution.Load<TV, TL, TM>(row + t1, m0);
                        TV x2 = DirectConvolution.Load<TV, TL, TM>(row + t2, m0), x3 = DirectConvolution.Load<TV, TL, TM>(row + t3, m0);
                        TV y0 = TL.Zero, y1 = TL.Zero, y2 = TL.Zero, y3 = TL.Zero;
                        if (TC.V > 1)
                        {
                            y0 = DirectConvolution.Load<TV, TL, TM>(row + l, m1);
                            y1 = DirectConvolution.Load<TV, TL, TM>(row + t1 + l, m1);
                            y2 = DirectConvolution.Load<TV, TL, TM>(row + t2 + l, m1);
                            y3 = DirectConvolution.Load<TV, TL, TM>(row + t3 + l, m1);
                        }
                        if (r > 0)
                        {
                            b00 = TL.MultiplyAdd(p0, x0, b00);
                            b10 = TL.MultiplyAdd(p0, x1, b10);
                            b20 = TL.MultiplyAdd(p0, x2, b20);
                            b30 = TL.MultiplyAdd(p0, x3, b30);
                            if (TC.V > 1)
                            {
                                b01 = TL.MultiplyAdd(p1, y0, b01);
                                b11 = TL.MultiplyAdd(p1, y1, b11);
                                b21 = TL.MultiplyAdd(p1, y2, b21);
                                b31 = TL.MultiplyAdd(p1, y3, b31);
                            }
                        }
                        if (r == ho) break;
                        p0 = DirectConvolution.Load<TV, TL, TM>(g, m0);
                        a00 = TL.MultiplyAdd(p0, x0, a00);
                        a10 = TL.MultiplyAdd(p0, x1, a10);
                        a20 = TL.MultiplyAdd(p0, x2, a20);
                        a30 = TL.MultiplyAdd(p0, x3, a30);
                        if (TC.V > 1)
                        {
                            p1 = DirectConvolution.Load<TV, TL, TM>(g + l, m1);
                            a01 = TL.MultiplyAdd(p1, y0, a01);
                            a11 = TL.MultiplyAdd(p1, y1, a11);
                            a21 = TL.MultiplyAdd(p1, y2, a21);
                            a31 = TL.MultiplyAdd(p1, y3, a31);
                        }
                    }
                }

                SpillTaps<TV, TL, TC>(partials, wo, a00, a01, a10, a11, a20, a21, a30, a31, m0, m1);
                float* more = partials + TapsPerPart * wo;
                SpillTaps<TV, TL, TC>(more, wo, b00, b01, b10, b11, b20, b21, b30, b31, m0, m1);
            }

            // Only the chunk's own columns: a whole-vector store could run past the row of partials.
            // Four taps' rows of partials, wo apart.
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            private static void SpillTaps<TV, TL, TC>(float* to, int wo, TV a00, TV a01, TV a10, TV a11, TV a20, TV a21, TV a30, TV a31, TV m0, TV m1)
                where TV : struct where TL : struct, IVectorLanes<TV> where TC : struct, IVectorCount
            {
                Spill<TV, TL, TC>(to, a00, a01, m0, m1);
                Spill<TV, TL, TC>(to + wo, a10, a11, m0, m1);
                Spill<TV, TL, TC>(to + 2 * wo, a20, a21, m0, m1);
                Spill<TV, TL, TC>(to + 3 * wo, a30, a31, m0, m1);
            }

            private static void Spill<TV, TL, TC>(float* to, TV a0, TV a1, TV m0, TV m1)
                where TV : struct where TL : struct, IVectorLanes<TV> where TC : struct, IVectorCount
            {
                TL.Store(to, a0, m0);
                if (TC.V > 1) TL.Store(to + TL.Count, a1, m1);
            }
        }
    }

    // dw[i] = Σ over chunks, in chunk order, of the chunk's partial dw[i].
    private sealed class ChunkSumJob : ParallelJob
    {
        public const int PartSize = 4096;
        public float* Partials, Dw;
        public int Chunks, Size;

        public override void Run(int part)
        {
            int start = part * PartSize, end = Math.Min(Size, start + PartSize);
            for (int i = start; i < end; i++)
            {
                float total = Partials[i];
                for (int chunk = 1; chunk < Chunks; chunk++) total += Partials[(long)chunk * Size + i];
                Dw[i] = total;
            }
        }
    }
}

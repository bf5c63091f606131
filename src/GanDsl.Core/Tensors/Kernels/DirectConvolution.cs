using System.Runtime.CompilerServices;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// A stride-1 convolution computed straight from its input, without lowering: y[n, o] = Σ_c correlate(x[n, c], w[o, c])
/// over input planes that already hold any zero padding, vectorised along the output columns. A tile of 4 output rows ×
/// V vectors stays in registers while the taps stream past: per tap, one broadcast weight and one input load per
/// accumulator. It serves the small-channel shapes where the lowered GEMM spends its time copying patches (one output
/// channel: a generator's closing 7×7 convolution; one input channel: a discriminator's first layer) and, through
/// <see cref="Convolution"/>, the input gradient of such a convolution (the same map with flipped, transposed weights
/// over the padded gradient). Each output element is one fused multiply-add chain over (c, ky, kx) in that order, the same
/// at every width and thread count, so all paths give the same bits.
/// </summary>
internal static unsafe class DirectConvolution
{
    /// <summary>Input planes: image n, channel c, row r start at Data + n·ImageStride + c·ChannelStride + r·RowStride.</summary>
    public readonly struct Planes(float* data, long imageStride, long channelStride, int rowStride)
    {
        public readonly float* Data = data;
        public readonly long ImageStride = imageStride, ChannelStride = channelStride;
        public readonly int RowStride = rowStride;
    }

    [ThreadStatic] private static ForwardJob? forward;

    /// <summary>
    /// y [batch, outChannels, outHeight, outWidth] = the valid correlation of <paramref name="x"/> (rows of at least
    /// outWidth + k − 1 readable values, outHeight + k − 1 rows) with w [outChannels, inChannels, k, k].
    /// </summary>
    public static void Forward(Planes x, int batch, int inChannels, float* w, int outChannels, int k, float* y, int outHeight, int outWidth)
    {
        var job = forward ??= new ForwardJob();
        job.X = x;
        job.W = w;
        job.Y = y;
        (job.InChannels, job.OutChannels, job.K, job.OutHeight, job.OutWidth) = (inChannels, outChannels, k, outHeight, outWidth);
        job.Width = Lanes.For(narrowRow: outWidth);
        int lanes = job.Width switch { LaneWidth.Bits512 => 16, LaneWidth.Bits256 => 8, _ => 1 };
        job.Vectors = lanes == 1 ? 2 : Math.Clamp((outWidth + lanes - 1) / lanes, 1, 3);
        int parts = batch * outChannels;
        long work = (long)parts * outHeight * outWidth * inChannels * k * k;
        if (work < 256 * 1024) for (int i = 0; i < parts; i++) job.Run(i);
        else job.RunAll(parts);
    }

    private sealed class ForwardJob : ParallelJob
    {
        public Planes X;
        public float* W, Y;
        public int InChannels, OutChannels, K, OutHeight, OutWidth, Vectors;
        public LaneWidth Width;

        public override void Run(int part)
        {
            int n = part / OutChannels, o = part % OutChannels;
            float* x = X.Data + n * X.ImageStride;
            float* w = W + (long)o * InChannels * K * K;
            float* y = Y + (long)part * OutHeight * OutWidth;
            switch (Width, Vectors)
            {
                case (LaneWidth.Bits512, 1): Plane<System.Runtime.Intrinsics.Vector512<float>, Lanes512, One>(x, w, y); break;
                case (LaneWidth.Bits512, 2): Plane<System.Runtime.Intrinsics.Vector512<float>, Lanes512, Two>(x, w, y); break;
                case (LaneWidth.Bits512, _): Plane<System.Runtime.Intrinsics.Vector512<float>, Lanes512, Three>(x, w, y); break;
                case (LaneWidth.Bits256, 1): Plane<System.Runtime.Intrinsics.Vector256<float>, Lanes256, One>(x, w, y); break;
                case (LaneWidth.Bits256, 2): Plane<System.Runtime.Intrinsics.Vector256<float>, Lanes256, Two>(x, w, y); break;
                case (LaneWidth.Bits256, _): Plane<System.Runtime.Intrinsics.Vector256<float>, Lanes256, Three>(x, w, y); break;
                default: Plane<float, LanesScalar, Two>(x, w, y); break;
            }
        }

        // One output plane in tiles of 4 rows × V vectors; a short last chunk of columns loads and stores under masks.
        private void Plane<TV, TL, TC>(float* x, float* w, float* y)
            where TV : struct where TL : struct, IVectorLanes<TV> where TC : struct, IVectorCount
        {
            int chunk = TL.Count * TC.V, wo = OutWidth;
            for (int oy = 0; oy < OutHeight; oy += 4)
            {
                int rows = Math.Min(4, OutHeight - oy);
                for (int ox = 0; ox < wo; ox += chunk)
                {
                    var tile = new Tile(x + (long)oy * X.RowStride + ox, X.ChannelStride, X.RowStride, w, InChannels, K, y + oy * wo + ox, wo, rows);
                    if (wo - ox >= chunk) tile.Run<TV, TL, TC, Whole>(chunk);
                    else tile.Run<TV, TL, TC, Masked>(wo - ox);
                }
            }
        }
    }

    private readonly struct Tile(float* x, long channelStride, int rowStride, float* w, int inChannels, int k, float* y, int outStride, int rows)
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Run<TV, TL, TC, TM>(int columns)
            where TV : struct where TL : struct, IVectorLanes<TV> where TC : struct, IVectorCount where TM : struct, ILoadMode
        {
            int l = TL.Count;
            TV m0 = TL.FirstLanes(columns), m1 = TL.FirstLanes(columns - l), m2 = TL.FirstLanes(columns - 2 * l);
            // Rows past the plane's end recompute the last row (never read outside it) and are not stored.
            nint r1 = rows > 1 ? rowStride : 0, r2 = rows > 2 ? 2 * rowStride : r1, r3 = rows > 3 ? 3 * rowStride : r2;
            TV a00 = TL.Zero, a01 = TL.Zero, a02 = TL.Zero, a10 = TL.Zero, a11 = TL.Zero, a12 = TL.Zero;
            TV a20 = TL.Zero, a21 = TL.Zero, a22 = TL.Zero, a30 = TL.Zero, a31 = TL.Zero, a32 = TL.Zero;
            float* plane = x, weights = w;
            for (int c = 0; c < inChannels; c++, plane += channelStride)
            {
                float* row = plane;
                for (int ky = 0; ky < k; ky++, row += rowStride, weights += k)
                for (int kx = 0; kx < k; kx++)
                {
                    TV wv = TL.Broadcast(weights[kx]);
                    float* p = row + kx;
                    a00 = TL.MultiplyAdd(wv, Load<TV, TL, TM>(p, m0), a00);
                    a10 = TL.MultiplyAdd(wv, Load<TV, TL, TM>(p + r1, m0), a10);
                    a20 = TL.MultiplyAdd(wv, Load<TV, TL, TM>(p + r2, m0), a20);
                    a30 = TL.MultiplyAdd(wv, Load<TV, TL, TM>(p + r3, m0), a30);
                    if (TC.V > 1)
                    {
                        a01 = TL.MultiplyAdd(wv, Load<TV, TL, TM>(p + l, m1), a01);
                        a11 = TL.MultiplyAdd(wv, Load<TV, TL, TM>(p + r1 + l, m1), a11);
                        a21 = TL.MultiplyAdd(wv, Load<TV, TL, TM>(p + r2 + l, m1), a21);
                        a31 = TL.MultiplyAdd(wv, Load<TV, TL, TM>(p + r3 + l, m1), a31);
                    }
                    if (TC.V > 2)
                    {
                        a02 = TL.MultiplyAdd(wv, Load<TV, TL, TM>(p + 2 * l, m2), a02);
                        a12 = TL.MultiplyAdd(wv, Load<TV, TL, TM>(p + r1 + 2 * l, m2), a12);
                        a22 = TL.MultiplyAdd(wv, Load<TV, TL, TM>(p + r2 + 2 * l, m2), a22);
                        a32 = TL.MultiplyAdd(wv, Load<TV, TL, TM>(p + r3 + 2 * l, m2), a32);
                    }
                }
            }

            StoreRow<TV, TL, TC, TM>(y, a00, a01, a02, m0, m1, m2);
            if (rows > 1) StoreRow<TV, TL, TC, TM>(y + outStride, a10, a11, a12, m0, m1, m2);
            if (rows > 2) StoreRow<TV, TL, TC, TM>(y + 2 * outStride, a20, a21, a22, m0, m1, m2);
            if (rows > 3) StoreRow<TV, TL, TC, TM>(y + 3 * outStride, a30, a31, a32, m0, m1, m2);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TV Load<TV, TL, TM>(float* p, TV mask) where TV : struct where TL : struct, IVectorLanes<TV> where TM : struct, ILoadMode =>
        TM.IsMasked ? TL.Load(p, mask) : TL.Load(p);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow<TV, TL, TC, TM>(float* y, TV a0, TV a1, TV a2, TV m0, TV m1, TV m2)
        where TV : struct where TL : struct, IVectorLanes<TV> where TC : struct, IVectorCount where TM : struct, ILoadMode
    {
        int l = TL.Count;
        if (TM.IsMasked)
        {
            TL.Store(y, a0, m0);
            if (TC.V > 1) TL.Store(y + l, a1, m1);
            if (TC.V > 2) TL.Store(y + 2 * l, a2, m2);
        }
        else
        {
            TL.Store(y, a0);
            if (TC.V > 1) TL.Store(y + l, a1);
            if (TC.V > 2) TL.Store(y + 2 * l, a2);
        }
    }
}

/// <summary>How many vectors a tile row holds (a JIT-time constant of the loops).</summary>
internal interface IVectorCount { static abstract int V { get; } }
internal readonly struct One : IVectorCount { public static int V => 1; }
internal readonly struct Two : IVectorCount { public static int V => 2; }
internal readonly struct Three : IVectorCount { public static int V => 3; }

/// <summary>Whether a tile's loads and stores go under masks (a short last chunk of columns) or whole.</summary>
internal interface ILoadMode { static abstract bool IsMasked { get; } }
internal readonly struct Whole : ILoadMode { public static bool IsMasked => false; }
internal readonly struct Masked : ILoadMode { public static bool IsMasked => true; }

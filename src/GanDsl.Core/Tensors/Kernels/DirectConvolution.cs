using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// A convolution computed straight from its input, without lowering, vectorised along output rows. The caller arranges
/// the input so that every tap of every output row is one contiguous run (a zero-bordered copy for stride 1; for stride 2
/// the even and odd columns of each row side by side; for a transposed stride-2 convolution the gradient with every
/// column doubled) and describes a sweep as a table of tap offsets with a weight pair per tap: even lanes take the first
/// weight and odd lanes the second (they differ only for the transposed convolution, whose even and odd output columns
/// take different taps). A tile of 4 output rows × V vectors, for one or (with AVX-512's 32 registers) two output
/// channels, stays in registers while the taps stream past: each input vector is loaded once per tap and used for both
/// channels. Each output element is one fused multiply-add chain over (input channel, tap) in table order, the same at
/// every width and thread count, so all paths give the same bits.
/// </summary>
internal static unsafe class DirectConvolution
{
    /// <summary>One sweep over every output plane: which input rows and taps it reads and which output rows it writes.</summary>
    public struct Sweep
    {
        /// <summary>Offset of each tap from the input position of the sweep's output row 0, column 0.</summary>
        public int* Taps;
        public int TapCount;

        /// <summary>[output channel][input channel][tap] pairs (even-lane weight, odd-lane weight).</summary>
        public float* Weights;

        public long InputOffset, OutputOffset;
        public int InputRowStep, OutputRowStep, Rows, Columns;
    }

    /// <summary>The input and output planes of one call and its sweeps (one, or two for a transposed convolution's row phases).</summary>
    public sealed class Job : ParallelJob
    {
        public float* X, Y;
        public long XImage, XChannel, YImage, YChannel;
        public int InChannels, OutChannels, Sweeps;
        public Sweep First, Second;

        private LaneWidth _width;
        private int _blocks;

        /// <summary>Runs every sweep for images [0, <paramref name="batch"/>) on the worker pool.</summary>
        public void RunBatch(int batch)
        {
            _width = Lanes.For(narrowRow: Math.Max(First.Columns, Sweeps > 1 ? Second.Columns : 0));
            _blocks = _width == LaneWidth.Bits512 ? (OutChannels + 1) / 2 : OutChannels;
            int parts = batch * _blocks * Sweeps;
            long work = (long)parts * First.Rows * First.Columns * InChannels * First.TapCount;
            if (work < 256 * 1024) for (int i = 0; i < parts; i++) Run(i);
            else RunAll(parts);
        }

        public override void Run(int part)
        {
            var sweep = part % Sweeps == 0 ? First : Second;
            int block = part / Sweeps % _blocks, n = part / Sweeps / _blocks;
            switch (_width)
            {
                case LaneWidth.Bits512: Vectors<Vector512<float>, Lanes512>(sweep, n, block); break;
                case LaneWidth.Bits256: Vectors<Vector256<float>, Lanes256>(sweep, n, block); break;
                default: Plane<float, LanesScalar, Two, One>(sweep, n, block, 1); break;
            }
        }

        // Vectors per tile row: as few as cover the row (at most 3); with AVX-512, two output channels per tile.
        private void Vectors<TV, TL>(in Sweep sweep, int n, int block) where TV : struct where TL : struct, IVectorLanes<TV>
        {
            int vectors = Math.Clamp((sweep.Columns + TL.Count - 1) / TL.Count, 1, 3);
            int channels = TL.Count == 16 ? Math.Min(2, OutChannels - 2 * block) : 1;
            int o = TL.Count == 16 ? 2 * block : block;
            switch (vectors, channels)
            {
                case (1, 1): Plane<TV, TL, One, One>(sweep, n, o, 1); break;
                case (2, 1): Plane<TV, TL, Two, One>(sweep, n, o, 1); break;
                case (_, 1): Plane<TV, TL, Three, One>(sweep, n, o, 1); break;
                case (1, _): Plane<TV, TL, One, Two>(sweep, n, o, 2); break;
                case (2, _): Plane<TV, TL, Two, Two>(sweep, n, o, 2); break;
                default: Plane<TV, TL, Three, Two>(sweep, n, o, 2); break;
            }
        }

        private void Plane<TV, TL, TC, TO>(in Sweep sweep, int n, int o, int channels)
            where TV : struct where TL : struct, IVectorLanes<TV> where TC : struct, IVectorCount where TO : struct, IVectorCount
        {
            int chunk = TL.Count * TC.V;
            long weightsPerChannel = (long)InChannels * sweep.TapCount * 2;
            var tile = new Tile
            {
                Taps = sweep.Taps, TapCount = sweep.TapCount, InChannels = InChannels, XChannel = XChannel,
                W0 = sweep.Weights + o * weightsPerChannel, W1 = sweep.Weights + (o + channels - 1) * weightsPerChannel,
                InputRowStep = sweep.InputRowStep, OutputRowStep = sweep.OutputRowStep, YChannel = YChannel,
            };
            float* x = X + n * XImage + sweep.InputOffset;
            float* y = Y + n * YImage + o * YChannel + sweep.OutputOffset;
            for (int row = 0; row < sweep.Rows; row += 4)
            {
                tile.Rows = Math.Min(4, sweep.Rows - row);
                for (int column = 0; column < sweep.Columns; column += chunk)
                {
                    tile.X = x + (long)row * sweep.InputRowStep + column;
                    tile.Y = y + (long)row * sweep.OutputRowStep + column;
                    if (sweep.Columns - column >= chunk) tile.Run<TV, TL, TC, TO, Whole>(chunk);
                    else tile.Run<TV, TL, TC, TO, Masked>(sweep.Columns - column);
                }
            }
        }
    }

    private struct Tile
    {
        public float* X, Y, W0, W1;
        public int* Taps;
        public int TapCount, InChannels, Rows, InputRowStep, OutputRowStep;
        public long XChannel, YChannel;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public readonly void Run<TV, TL, TC, TO, TM>(int columns)
            where TV : struct where TL : struct, IVectorLanes<TV> where TC : struct, IVectorCount
            where TO : struct, IVectorCount where TM : struct, ILoadMode
        {
            int l = TL.Count;
            TV m0 = TL.FirstLanes(columns), m1 = TL.FirstLanes(columns - l), m2 = TL.FirstLanes(columns - 2 * l);
            // Rows past the sweep's end recompute its last row (never read outside it) and are not stored.
            nint r1 = Rows > 1 ? InputRowStep : 0, r2 = Rows > 2 ? 2 * InputRowStep : r1, r3 = Rows > 3 ? 3 * InputRowStep : r2;
            TV a000 = TL.Zero, a001 = TL.Zero, a002 = TL.Zero;
            TV a010 = TL.Zero, a011 = TL.Zero, a012 = TL.Zero;
            TV a020 = TL.Zero, a021 = TL.Zero, a022 = TL.Zero;
            TV a030 = TL.Zero, a031 = TL.Zero, a032 = TL.Zero;
            TV a100 = TL.Zero, a101 = TL.Zero, a102 = TL.Zero;
            TV a110 = TL.Zero, a111 = TL.Zero, a112 = TL.Zero;
            TV a120 = TL.Zero, a121 = TL.Zero, a122 = TL.Zero;
            TV a130 = TL.Zero, a131 = TL.Zero, a132 = TL.Zero;
            float* plane = X, weights0 = W0, weights1 = W1;
            for (int c = 0; c < InChannels; c++, plane += XChannel)
            {
                for (int t = 0; t < TapCount; t++, weights0 += 2, weights1 += 2)
                {
                    float* p = plane + Taps[t];
                    TV w0 = TL.BroadcastPair(weights0, 0), w1 = TO.V > 1 ? TL.BroadcastPair(weights1, 0) : w0;
                    TV w0v = TL.Count == 1 ? TL.BroadcastPair(weights0, 1) : w0, w1v = TL.Count == 1 ? TL.BroadcastPair(weights1, 1) : w1;
                    TV x00 = DirectConvolution.Load<TV, TL, TM>(p, m0);
                    a000 = TL.MultiplyAdd(w0, x00, a000);
                    if (TO.V > 1) a100 = TL.MultiplyAdd(w1, x00, a100);
                    TV x10 = DirectConvolution.Load<TV, TL, TM>(p + r1, m0);
                    a010 = TL.MultiplyAdd(w0, x10, a010);
                    if (TO.V > 1) a110 = TL.MultiplyAdd(w1, x10, a110);
                    TV x20 = DirectConvolution.Load<TV, TL, TM>(p + r2, m0);
                    a020 = TL.MultiplyAdd(w0, x20, a020);
                    if (TO.V > 1) a120 = TL.MultiplyAdd(w1, x20, a120);
                    TV x30 = DirectConvolution.Load<TV, TL, TM>(p + r3, m0);
                    a030 = TL.MultiplyAdd(w0, x30, a030);
                    if (TO.V > 1) a130 = TL.MultiplyAdd(w1, x30, a130);
                    if (TC.V > 1)
                    {
                        TV x01 = DirectConvolution.Load<TV, TL, TM>(p + l, m1);
                        a001 = TL.MultiplyAdd(w0v, x01, a001);
                        if (TO.V > 1) a101 = TL.MultiplyAdd(w1v, x01, a101);
                        TV x11 = DirectConvolution.Load<TV, TL, TM>(p + r1 + l, m1);
                        a011 = TL.MultiplyAdd(w0v, x11, a011);
                        if (TO.V > 1) a111 = TL.MultiplyAdd(w1v, x11, a111);
                        TV x21 = DirectConvolution.Load<TV, TL, TM>(p + r2 + l, m1);
                        a021 = TL.MultiplyAdd(w0v, x21, a021);
                        if (TO.V > 1) a121 = TL.MultiplyAdd(w1v, x21, a121);
                        TV x31 = DirectConvolution.Load<TV, TL, TM>(p + r3 + l, m1);
                        a031 = TL.MultiplyAdd(w0v, x31, a031);
                        if (TO.V > 1) a131 = TL.MultiplyAdd(w1v, x31, a131);
                    }
                    if (TC.V > 2)
                    {
                        TV x02 = DirectConvolution.Load<TV, TL, TM>(p + 2 * l, m2);
                        a002 = TL.MultiplyAdd(w0, x02, a002);
                        if (TO.V > 1) a102 = TL.MultiplyAdd(w1, x02, a102);
                        TV x12 = DirectConvolution.Load<TV, TL, TM>(p + r1 + 2 * l, m2);
                        a012 = TL.MultiplyAdd(w0, x12, a012);
                        if (TO.V > 1) a112 = TL.MultiplyAdd(w1, x12, a112);
                        TV x22 = DirectConvolution.Load<TV, TL, TM>(p + r2 + 2 * l, m2);
                        a022 = TL.MultiplyAdd(w0, x22, a022);
                        if (TO.V > 1) a122 = TL.MultiplyAdd(w1, x22, a122);
                        TV x32 = DirectConvolution.Load<TV, TL, TM>(p + r3 + 2 * l, m2);
                        a032 = TL.MultiplyAdd(w0, x32, a032);
                        if (TO.V > 1) a132 = TL.MultiplyAdd(w1, x32, a132);
                    }
                }
            }

            Store<TV, TL, TC, TM>(Y, a000, a001, a002, m0, m1, m2);
            if (Rows > 1) Store<TV, TL, TC, TM>(Y + OutputRowStep, a010, a011, a012, m0, m1, m2);
            if (Rows > 2) Store<TV, TL, TC, TM>(Y + 2 * OutputRowStep, a020, a021, a022, m0, m1, m2);
            if (Rows > 3) Store<TV, TL, TC, TM>(Y + 3 * OutputRowStep, a030, a031, a032, m0, m1, m2);
            if (TO.V < 2) return;
            float* y1 = Y + YChannel;
            Store<TV, TL, TC, TM>(y1, a100, a101, a102, m0, m1, m2);
            if (Rows > 1) Store<TV, TL, TC, TM>(y1 + OutputRowStep, a110, a111, a112, m0, m1, m2);
            if (Rows > 2) Store<TV, TL, TC, TM>(y1 + 2 * OutputRowStep, a120, a121, a122, m0, m1, m2);
            if (Rows > 3) Store<TV, TL, TC, TM>(y1 + 3 * OutputRowStep, a130, a131, a132, m0, m1, m2);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TV Load<TV, TL, TM>(float* p, TV mask) where TV : struct where TL : struct, IVectorLanes<TV> where TM : struct, ILoadMode =>
        TM.IsMasked ? TL.Load(p, mask) : TL.Load(p);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<TV, TL, TC, TM>(float* y, TV a0, TV a1, TV a2, TV m0, TV m1, TV m2)
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

/// <summary>How many vectors (or channels) a tile row holds: a JIT-time constant of the loops.</summary>
internal interface IVectorCount { static abstract int V { get; } }
internal readonly struct One : IVectorCount { public static int V => 1; }
internal readonly struct Two : IVectorCount { public static int V => 2; }
internal readonly struct Three : IVectorCount { public static int V => 3; }

/// <summary>Whether a tile's loads and stores go under masks (a short last chunk of columns) or whole.</summary>
internal interface ILoadMode { static abstract bool IsMasked { get; } }
internal readonly struct Whole : ILoadMode { public static bool IsMasked => false; }
internal readonly struct Masked : ILoadMode { public static bool IsMasked => true; }

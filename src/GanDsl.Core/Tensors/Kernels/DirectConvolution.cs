using System.Runtime.Intrinsics;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// A convolution computed straight from its input, without lowering, vectorised along output rows. The input is arranged
/// so that every tap of every output row is one contiguous run (a zero-bordered copy for stride 1; for stride 2 the even
/// and odd columns of each row side by side; for a transposed stride-2 convolution the gradient with every column
/// doubled), an image at a time by the part that reads it (<see cref="Job.ArrangePerImage"/>). The caller describes a
/// sweep as a table of tap offsets with a weight pair per tap: even lanes take the first weight and odd lanes the second
/// (they differ only for the transposed convolution, whose even and odd output columns take different taps). A tile of up to 4 output rows × 3 vectors, for one or (with AVX-512's 32 registers) two output
/// channels, stays in registers while the taps stream past (<see cref="Tile"/>). Each output element is one fused
/// multiply-add chain over (input channel, tap) in table order, the same at every width, thread count and layout, so all
/// paths give the same bits.
/// </summary>
/// <remarks>
/// Rows narrower than the vectors (28, 34 or 8 outputs against 16 lanes) would leave lanes idle, so where it wastes fewer
/// lanes a sweep runs flat: when output row i reads input rows from i · step on, output (i, j) and (i', j') with
/// i·step + j = i'·step + j' read the same input offsets, so the plane is one long row of (rows − 1) · step + columns
/// outputs, of which the columns past each row's end are garbage. The tiles write it to a scratch plane and the real
/// columns are copied into place.
/// </remarks>
internal static unsafe partial class DirectConvolution
{
    /// <summary>One sweep over every output plane: which input rows and taps it reads and which output rows it writes.</summary>
    public struct Sweep
    {
        /// <summary>Offset of each tap from the input position of the sweep's output row 0, column 0.</summary>
        public int* Taps;
        public int TapCount;

        /// <summary>[output channel][input channel][tap] pairs (even-lane weight, odd-lane weight).</summary>
        public float* Weights;

        /// <summary>Whether the pairs differ: then a flat sweep needs an even input row step to keep columns on their lanes' parity.</summary>
        public bool PairsDiffer;

        /// <summary>
        /// k when the taps are the k × k grid in row-major order, tap (ky, kx) at ky·InputRowStep + kx (stride 1); 0
        /// otherwise. A one-channel tile of such a sweep with equal pairs may run skewed (<c>Tile.RunSkewed</c>).
        /// </summary>
        public int SquareKernel;

        public long InputOffset, OutputOffset;
        public int InputRowStep, OutputRowStep, Rows, Columns;

        /// <summary>Outputs of the sweep read as one long row: from row 0, column 0 to the last row's last column.</summary>
        public readonly long FlatLength => (long)(Rows - 1) * InputRowStep + Columns;

        /// <summary>Whether running flat with vectors of <paramref name="lanes"/> computes at least 5% fewer lanes than by rows.</summary>
        public readonly bool FlatPays(int lanes)
        {
            if (lanes < 2 || (PairsDiffer && InputRowStep % 2 != 0)) return false;
            int chunk = lanes * VectorsPerRow(Columns, lanes);
            long byRows = (long)Rows * ((Columns + chunk - 1) / chunk) * chunk;
            long flat = (FlatLength + lanes - 1) / lanes * lanes;
            return flat * 20 <= byRows * 19;
        }
    }

    /// <summary>Vectors per tile row: as few as cover a row of <paramref name="columns"/>, at most 3.</summary>
    private static int VectorsPerRow(long columns, int lanes) => (int)Math.Clamp((columns + lanes - 1) / lanes, 1, 3);

    /// <summary>The input and output planes of one call and its sweeps (one, or two for a transposed convolution's row phases).</summary>
    public sealed class Job : ParallelJob
    {
        public float* X, Y;
        public long XImage, XChannel, YImage, YChannel;
        public int InChannels, OutChannels, Sweeps;
        public Sweep First, Second;

        /// <summary>
        /// Set: X is the unarranged input (its images XImage apart) and a part is one image, which it arranges into its
        /// thread's scratch before its sweeps, so the arranged copy is read from L2 rather than written to memory for the
        /// whole batch first and read back (XChannel is then the arranged plane). Null: X is arranged already.
        /// </summary>
        public PaddedPlanes.Arrangement? ArrangePerImage;

        private LaneWidth _width;
        private int _blocks;

        /// <summary>Runs every sweep for images [0, <paramref name="batch"/>) on the worker pool.</summary>
        public void RunBatch(int batch)
        {
            _width = Lanes.For(narrowRow: Math.Max(First.Columns, Sweeps > 1 ? Second.Columns : 0));
            _blocks = _width == LaneWidth.Bits512 ? (OutChannels + 1) / 2 : OutChannels;
            int parts = ArrangePerImage is null ? batch * _blocks : batch;
            long work = (long)batch * _blocks * Sweeps * First.Rows * First.Columns * InChannels * First.TapCount;
            if (work < 256 * 1024) for (int i = 0; i < parts; i++) Run(i);
            else RunAll(parts);
        }

        // A part runs every sweep of its planes: the sweeps of a transposed convolution write alternate rows, and two
        // threads writing them at once would share cache lines.
        public override void Run(int part)
        {
            if (ArrangePerImage is { } arrangement)
            {
                float* image = ConvScratch.ForCurrentThread.Padded((nint)(InChannels * arrangement.Plane));
                arrangement.Run(X + part * XImage, image, InChannels);
                for (int block = 0; block < _blocks; block++) RunSweeps(image, part, block);
                return;
            }
            int n = part / _blocks;
            RunSweeps(X + n * XImage, n, part % _blocks);
        }

        // Image n's sweeps for one block of output channels, reading the image's arranged input at x.
        private void RunSweeps(float* x, int n, int block)
        {
            Run(First, x, n, block);
            if (Sweeps > 1) Run(Second, x, n, block);
        }

        private void Run(in Sweep sweep, float* x, int n, int block)
        {
            switch (_width)
            {
                case LaneWidth.Bits512: Vectors<Vector512<float>, Lanes512>(sweep, x, n, block); break;
                case LaneWidth.Bits256: Vectors<Vector256<float>, Lanes256>(sweep, x, n, block); break;
                default: ByRows<float, LanesScalar, Two, One>(sweep, x, n, block, 1); break;
            }
        }

        // With AVX-512, two output channels per tile.
        private void Vectors<TV, TL>(in Sweep sweep, float* x, int n, int block) where TV : struct where TL : struct, IVectorLanes<TV>
        {
            int channels = TL.Count == 16 ? Math.Min(2, OutChannels - 2 * block) : 1;
            int o = TL.Count == 16 ? 2 * block : block;
            if (sweep.FlatPays(TL.Count))
            {
                if (channels == 1) Flat<TV, TL, One>(sweep, x, n, o);
                else Flat<TV, TL, Two>(sweep, x, n, o);
                return;
            }
            switch (VectorsPerRow(sweep.Columns, TL.Count), channels)
            {
                case (1, 1): ByRows<TV, TL, One, One>(sweep, x, n, o, 1); break;
                case (2, 1): ByRows<TV, TL, Two, One>(sweep, x, n, o, 1); break;
                case (_, 1): ByRows<TV, TL, Three, One>(sweep, x, n, o, 1); break;
                case (1, _): ByRows<TV, TL, One, Two>(sweep, x, n, o, 2); break;
                case (2, _): ByRows<TV, TL, Two, Two>(sweep, x, n, o, 2); break;
                default: ByRows<TV, TL, Three, Two>(sweep, x, n, o, 2); break;
            }
        }

        private Tile TileFor(in Sweep sweep, int o, int channels)
        {
            long weightsPerChannel = (long)InChannels * sweep.TapCount * 2;
            return new Tile
            {
                Taps = sweep.Taps, TapCount = sweep.TapCount, InChannels = InChannels, XChannel = XChannel,
                W0 = sweep.Weights + o * weightsPerChannel, W1 = sweep.Weights + (o + channels - 1) * weightsPerChannel,
                InputRowStep = sweep.InputRowStep, OutputRowStep = sweep.OutputRowStep, YChannel = YChannel,
            };
        }

        private void ByRows<TV, TL, TC, TO>(in Sweep sweep, float* image, int n, int o, int channels)
            where TV : struct where TL : struct, IVectorLanes<TV> where TC : struct, IVectorCount where TO : struct, IVectorCount
        {
            int chunk = TL.Count * TC.V;
            var tile = TileFor(sweep, o, channels);
            float* x = image + sweep.InputOffset;
            float* y = Y + n * YImage + o * YChannel + sweep.OutputOffset;
            // Skewed only where it measured faster: AVX-512 and lightning-cnn's 7 × 7 (2.04–2.09 → 1.64–1.72 ms, --conv
            // lightning-cnn 2 5). With AVX2, 5 × 5 maps onto 8-wide rows ran 1.6 × slower skewed.
            int skew = TO.V == 1 && TL.Count == 16 && !sweep.PairsDiffer && sweep.SquareKernel >= 7 ? sweep.SquareKernel : 0;
            for (int row = 0; row < sweep.Rows; row += 4)
            {
                int rows = Math.Min(4, sweep.Rows - row);
                for (int column = 0; column < sweep.Columns; column += chunk)
                {
                    tile.X = x + (long)row * sweep.InputRowStep + column;
                    tile.Y = y + (long)row * sweep.OutputRowStep + column;
                    bool whole = sweep.Columns - column >= chunk;
                    if (skew > 0 && whole) tile.RunSkewed<TV, TL, TC, Whole>(rows, chunk, skew);
                    else if (skew > 0) tile.RunSkewed<TV, TL, TC, Masked>(rows, sweep.Columns - column, skew);
                    else if (whole) tile.Run<TV, TL, TC, TO, Whole>(rows, chunk);
                    else tile.Run<TV, TL, TC, TO, Masked>(rows, sweep.Columns - column);
                }
            }
        }

        // The plane as one long row cut into rows of 3 vectors (the last one shorter, under masks), computed into scratch
        // with the input's row step, then each real row copied into place.
        private void Flat<TV, TL, TO>(in Sweep sweep, float* image, int n, int o)
            where TV : struct where TL : struct, IVectorLanes<TV> where TO : struct, IVectorCount
        {
            int chunk = 3 * TL.Count, length = (int)sweep.FlatLength, whole = length / chunk, rest = length - whole * chunk;
            long plane = (long)(whole + 1) * chunk;
            float* scratch = ConvScratch.ForCurrentThread.FlatSweep((nint)(TO.V * plane));
            var tile = TileFor(sweep, o, TO.V);
            (tile.InputRowStep, tile.OutputRowStep, tile.YChannel) = (chunk, chunk, plane);
            float* x = image + sweep.InputOffset;
            for (int row = 0; row < whole; row += 4)
            {
                tile.X = x + (long)row * chunk;
                tile.Y = scratch + (long)row * chunk;
                tile.Run<TV, TL, Three, TO, Whole>(Math.Min(4, whole - row), chunk);
            }
            if (rest > 0)
            {
                tile.X = x + (long)whole * chunk;
                tile.Y = scratch + (long)whole * chunk;
                switch (VectorsPerRow(rest, TL.Count))
                {
                    case 1: tile.Run<TV, TL, One, TO, Masked>(1, rest); break;
                    case 2: tile.Run<TV, TL, Two, TO, Masked>(1, rest); break;
                    default: tile.Run<TV, TL, Three, TO, Masked>(1, rest); break;
                }
            }
            float* y = Y + n * YImage + o * YChannel + sweep.OutputOffset;
            for (int c = 0; c < TO.V; c++)
                for (int r = 0; r < sweep.Rows; r++)
                    ShortCopy.Floats(scratch + c * plane + (long)r * sweep.InputRowStep, y + c * YChannel + (long)r * sweep.OutputRowStep, sweep.Columns);
        }
    }
}

/// <summary>How many vectors (or channels, or rows) a tile holds: a JIT-time constant of the loops.</summary>
internal interface IVectorCount { static abstract int V { get; } }
internal readonly struct One : IVectorCount { public static int V => 1; }
internal readonly struct Two : IVectorCount { public static int V => 2; }
internal readonly struct Three : IVectorCount { public static int V => 3; }
internal readonly struct Four : IVectorCount { public static int V => 4; }

/// <summary>Whether a tile's loads and stores go under masks (a short last chunk of columns) or whole.</summary>
internal interface ILoadMode { static abstract bool IsMasked { get; } }
internal readonly struct Whole : ILoadMode { public static bool IsMasked => false; }
internal readonly struct Masked : ILoadMode { public static bool IsMasked => true; }

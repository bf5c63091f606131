namespace GanDsl.Tensors.Kernels;

/// <summary>
/// One multiply, pinned and planned: the operands, the k blocking, and the grid of output tiles
/// that threads take one at a time. The k blocking depends only on k, never on the thread count,
/// so every output element sees the same sequence of roundings however the tiles are shared out.
/// </summary>
internal unsafe struct GemmTask
{
    // Cache blocking: an A block (MC×KC) stays in L2 and one B micro-panel (KC×NR) in L1. MC reaches 144 so a batch
    // of 128 rows is one block for 6-row kernels too (22 panels): two row blocks would each pack the whole B again.
    public const int MaxKc = 320;
    public const int MaxMc = 144;
    public const int MaxNc = 512;

    // A thread keeps A packed for all k blocks (see GemmBuffers.SharedA) only up to this size, and this many k blocks.
    public const long MaxSharedA = 1 << 20;
    public const int MaxSharedKBlocks = 64;

    public bool TransA, TransB, Accumulate;
    public int M, N, K, Kc;
    public float Alpha;
    public float* A, B, C;
    public nint Lda, Ldb, Ldc;

    /// <summary>Operands that pack their own panels (null: the plain A and B above).</summary>
    public PanelSource? ASource, BSource;
    /// <summary>The micro-kernel family (resolved: never Auto).</summary>
    public VectorWidth Kernel;
    public int Mr, Nr, TilesM, TilesN;

    /// <summary>
    /// op(A) packed once for many multiplies (<see cref="Gemm.PackAllA"/>): k block p0 starts at <see cref="PaddedM"/>·p0,
    /// and the panels of rows from i0 at i0·kc within it. Null: each tile packs its own rows.
    /// </summary>
    public float* PackedA;

    /// <summary>
    /// op(B) already packed by its producer (<see cref="PackedBRows"/>): k block p0 starts at <see cref="PaddedN"/>·p0, and the
    /// panel of columns from j0 at j0·kc within it. Null: each tile packs its own columns.
    /// </summary>
    public float* PackedB;

    /// <summary>
    /// Every tile covers all rows, so a thread packs each k block of A once and reuses it for all its tiles, or, for a
    /// stored A that is not transposed, reads its whole row panels in place (<see cref="GemmDriver.ReadsAInPlace"/>).
    /// </summary>
    public bool ShareA;

    /// <summary>Unique per multiply: tells a thread whether the A it packed before belongs to this task.</summary>
    public long Id;

    public readonly int TileCount => TilesM * TilesN;

    /// <summary>Row panels of the micro-kernel's MR rows, the last one possibly ragged.</summary>
    public readonly int PanelsM => (M + Mr - 1) / Mr;

    /// <summary>Column panels of the micro-kernel's NR columns, the last one possibly ragged.</summary>
    public readonly int PanelsN => (N + Nr - 1) / Nr;

    /// <summary>M rounded up to whole row panels.</summary>
    public readonly int PaddedM => PanelsM * Mr;

    /// <summary>N rounded up to whole column panels.</summary>
    public readonly int PaddedN => PanelsN * Nr;

    /// <summary>The k block for a dot-product length of <paramref name="k"/>: k cut into equal blocks of at most <see cref="MaxKc"/>.</summary>
    public static int KBlock(int k)
    {
        int kBlocks = (k + MaxKc - 1) / MaxKc;
        return (k + kBlocks - 1) / kBlocks;
    }

    /// <summary>
    /// Picks KC from k alone, and the tile grid that finishes soonest on <paramref name="threads"/> threads. Threads take
    /// tiles from a shared counter, so the time is about all tiles' work over the threads plus one tile (the last one
    /// to start). A tile's work is its multiply-adds per k plus its packing, weighted like 16 multiply-adds per float.
    /// When all tiles share one row block (<see cref="ShareA"/>), each thread packs A once for all its tiles (or reads it in
    /// place), so tiles can be cut finer for balance without packing A again.
    /// </summary>
    public void Plan(int threads)
    {
        int kBlocks = (K + MaxKc - 1) / MaxKc;
        Kc = KBlock(K);

        int panelsM = PanelsM, panelsN = PanelsN;
        int minTm = Ceil(panelsM, MaxMc / Mr), minTn = Ceil(panelsN, MaxNc / Nr);
        long best = long.MaxValue;
        for (int tm = minTm; tm <= Math.Min(panelsM, minTm + 2 * threads); tm++)
        {
            bool share = tm == 1 && threads > 1 && kBlocks <= MaxSharedKBlocks && (long)panelsM * Mr * K <= MaxSharedA;
            for (int tn = minTn; tn <= Math.Min(panelsN, minTn + (share ? 8 : 2) * threads); tn++)
            {
                long rows = (long)Ceil(panelsM, tm) * Mr, cols = (long)Ceil(panelsN, tn) * Nr;
                long tile = rows * cols + 16 * (cols + (share ? 0 : rows));
                long cost = threads == 1 ? tm * tn * tile
                    : (tm * tn * tile + (share ? 16 * rows * Math.Min(threads, tn) : 0)) / threads + tile;
                if (cost < best)
                {
                    best = cost;
                    TilesM = tm;
                    TilesN = tn;
                    ShareA = share;
                }
            }
        }
    }

    /// <summary>The half-open panel range of tile <paramref name="t"/> when <paramref name="panels"/> are dealt into <paramref name="tiles"/>.</summary>
    public static (int Start, int End) Range(int panels, int tiles, int t) =>
        ((int)((long)t * panels / tiles), (int)((long)(t + 1) * panels / tiles));

    private static int Ceil(int x, int y) => (x + y - 1) / y;
}

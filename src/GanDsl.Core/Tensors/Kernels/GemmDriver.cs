namespace GanDsl.Tensors.Kernels;

/// <summary>
/// Computes one output tile of a planned <see cref="GemmTask"/> (or, for a task of one row block, a run of its column
/// panels): for each k block, pack the tile's rows of op(A) and columns of op(B), then sweep micro-kernels over it. A
/// thread whose next tile has the same rows and one k block keeps its packed A. The B micro-panel is the outer
/// loop, so it stays in L1 while the A block (at most 144 rows) streams from L2; the whole B block
/// (up to 512 columns) does not fit a 512 KiB L2, so the opposite order re-read it from L3 for every
/// A micro-panel. With <see cref="GemmTask.ShareA"/> the kernels read a stored, untransposed A's whole row panels where A
/// is (<see cref="ReadsAInPlace"/>); otherwise a thread packs each k block of A once, for all its tiles. Ragged tiles go
/// through a scratch tile so the arithmetic per element is exactly that of a full tile.
/// </summary>
internal static unsafe class GemmDriver
{
    /// <summary>
    /// Computes tile <paramref name="tile"/>; <paramref name="nextTile"/> is the tile this thread will most likely take
    /// next (past the last: none), whose first block of a stored B it fetches into cache during this tile's last block.
    /// </summary>
    public static void RunTile(in GemmTask task, int tile, int nextTile, GemmBuffers buffers)
    {
        var (pm0, pm1) = GemmTask.Range(task.PanelsM, task.TilesM, tile / task.TilesN);
        var (pn0, pn1) = GemmTask.Range(task.PanelsN, task.TilesN, tile % task.TilesN);
        var (nextPn0, nextPn1) = nextTile < task.TileCount ? GemmTask.Range(task.PanelsN, task.TilesN, nextTile % task.TilesN) : (0, 0);
        RunBlock(task, pm0, pm1, pn0, pn1, nextPn0, nextPn1, buffers);
    }

    /// <summary>
    /// Computes column panels [<paramref name="pn0"/>, <paramref name="pn1"/>) of every row of a task that is one row block
    /// (<see cref="GemmTask.ShareA"/>); [<paramref name="nextPn0"/>, <paramref name="nextPn1"/>) are the panels this thread
    /// will most likely compute next, whose first block of a stored B it fetches during this range's last block.
    /// </summary>
    public static void RunColumns(in GemmTask task, int pn0, int pn1, int nextPn0, int nextPn1, GemmBuffers buffers) =>
        RunBlock(task, 0, task.PanelsM, pn0, pn1, nextPn0, nextPn1, buffers);

    /// <summary>MR and NR of the micro-kernel of <paramref name="width"/> (already resolved, never Auto).</summary>
    public static (int Mr, int Nr) Shape(VectorWidth width) => width switch
    {
        VectorWidth.Bits512 => (Kernel512x8x32.MR, Kernel512x8x32.NR),
        VectorWidth.Bits256 => (Kernel256x6x16.MR, Kernel256x6x16.NR),
        _ => (KernelScalar4x4.MR, KernelScalar4x4.NR),
    };

    private static void RunBlock(in GemmTask t, int pm0, int pm1, int pn0, int pn1, int nextPn0, int nextPn1, GemmBuffers buffers)
    {
        switch (t.Kernel)
        {
            case VectorWidth.Bits512: RunBlock<Kernel512x8x32>(t, pm0, pm1, pn0, pn1, nextPn0, nextPn1, buffers); break;
            case VectorWidth.Bits256: RunBlock<Kernel256x6x16>(t, pm0, pm1, pn0, pn1, nextPn0, nextPn1, buffers); break;
            default: RunBlock<KernelScalar4x4>(t, pm0, pm1, pn0, pn1, nextPn0, nextPn1, buffers); break;
        }
    }

    // Row panels [pm0, pm1) by column panels [pn0, pn1); the panels [nextPn0, nextPn1) are fetched ahead in the last k block.
    private static void RunBlock<TK>(in GemmTask t, int pm0, int pm1, int pn0, int pn1, int nextPn0, int nextPn1,
        GemmBuffers buffers) where TK : struct, IMicroKernel
    {
        int mr = TK.MR, nr = TK.NR;
        int i0 = pm0 * mr, rows = Math.Min(pm1 * mr, t.M) - i0;
        int j0 = pn0 * nr, cols = Math.Min(pn1 * nr, t.N) - j0;
        if (rows <= 0 || cols <= 0) return;

        nint rowsPadded = (nint)(pm1 - pm0) * mr;
        // Whole row panels of a stored A read in place; a ragged last panel is packed as before.
        int inPlaceRows = ReadsAInPlace(t) ? rows / mr * mr : 0;
        bool packsA = t.PackedA == null && inPlaceRows < rows;
        float* pa = !packsA ? null : t.ShareA ? buffers.SharedA(t.Id, rowsPadded * t.K) : buffers.A(rowsPadded * t.Kc);
        float* pb = t.PackedB != null ? null : buffers.B((nint)(pn1 - pn0) * nr * t.Kc);
        for (int p0 = 0; p0 < t.K; p0 += t.Kc)
        {
            int kc = Math.Min(t.Kc, t.K - p0);
            bool add = t.Accumulate || p0 > 0;
            float* pak = null;
            if (t.PackedA != null) pak = t.PackedA + (nint)t.PaddedM * p0 + (nint)i0 * kc;
            else if (packsA)
            {
                if (!t.ShareA)
                {
                    // With one k block, a thread's next tile is most often the next column block of the same rows
                    // (tiles are taken in turn, row block by row block): its A is already packed.
                    if (!buffers.TryReuseA(t.Id, pm0, oneKBlock: kc == t.K)) PackA(t, mr, i0, rows, p0, kc, pa);
                }
                else if (buffers.ClaimSharedABlock(p0 / t.Kc))
                    PackA(t, mr, i0 + inPlaceRows, rows - inPlaceRows, p0, kc, pa + rowsPadded * p0 + (nint)inPlaceRows * kc);
                pak = t.ShareA ? pa + rowsPadded * p0 : pa;
            }
            float* pbk = pb;
            if (t.PackedB != null) pbk = t.PackedB + (nint)t.PaddedN * p0 + (nint)j0 * kc;
            else if (t.BSource is { } bs) bs.Pack(nr, j0, cols, p0, kc, pb);
            else GemmPacking.PackB(nr, t.TransB, t.B, t.Ldb, j0, cols, p0, kc, pb);
            // What this thread packs next, spread over this block's micro-kernel calls: weights and activations of a
            // training step are out of cache by their next use (the MLP GAN's multiplies ran a quarter slower in a step
            // than back to back), and the multiply hides the wait where the packing could not.
            var next = p0 + kc < t.K ? StoredB(t, j0, cols, p0 + kc) : FirstStoredB(t, nextPn0, nextPn1);
            int calls = (cols + nr - 1) / nr * ((rows + mr - 1) / mr);
            int linesPerCall = (int)Math.Min(1024, (next.Estimate + calls - 1) / calls);
            for (int jr = 0; jr < cols; jr += nr)
            {
                int w = Math.Min(nr, cols - jr);
                float* bp = pbk + (nint)jr * kc;
                for (int ir = 0; ir < rows; ir += mr)
                {
                    int h = Math.Min(mr, rows - ir);
                    next.Touch(linesPerCall);
                    var ap = ir < inPlaceRows
                        ? new APanel(t.A + (i0 + ir) * t.Lda + p0, t.Lda, 1)
                        : new APanel(pak + (nint)ir * kc, 1, mr);
                    float* c = t.C + (i0 + ir) * t.Ldc + j0 + jr;
                    if (h == mr && w == nr)
                        TK.Run(kc, ap.At, ap.Row, ap.Step, bp, c, t.Ldc, t.Alpha, add);
                    else
                        RunEdge<TK>(kc, ap, bp, c, t.Ldc, h, w, t.Alpha, add, buffers.Edge);
                }
            }
        }
    }

    // What op(B)'s columns [j0, j0 + cols) for the k block from p0 are packed from (none when B is packed by its producer).
    private static PrefetchRegion StoredB(in GemmTask t, int j0, int cols, int p0)
    {
        if (t.PackedB != null) return default;
        int kc = Math.Min(t.Kc, t.K - p0);
        if (t.BSource is { } source) return source.Upcoming(j0, cols, p0, kc);
        return t.TransB
            ? new PrefetchRegion(t.B + j0 * t.Ldb + p0, t.Ldb, cols, kc)
            : new PrefetchRegion(t.B + p0 * t.Ldb + j0, t.Ldb, kc, cols);
    }

    // The first k block of the stored B of column panels [pn0, pn1), or none for an empty range.
    private static PrefetchRegion FirstStoredB(in GemmTask t, int pn0, int pn1)
    {
        int j0 = pn0 * t.Nr, cols = Math.Min(pn1 * t.Nr, t.N) - j0;
        return cols > 0 ? StoredB(t, j0, cols, 0) : default;
    }

    /// <summary>
    /// Whether the row panels of <paramref name="t"/> read a stored A where it is (row i's k values at A + i·Lda) instead of
    /// a packed copy: a plain, untransposed A shared by every tile of a task of one row block. Each thread packed all of it
    /// before, for every column run it took; read in place, its rows stream from cache as a packed panel would. Only
    /// whole panels: a ragged last one would read past the last row, so it is packed as before.
    /// </summary>
    internal static bool ReadsAInPlace(in GemmTask t) => t.ShareA && !t.TransA && t.ASource is null && t.PackedA == null;

    // Where a micro-kernel reads its A: row r's value of k step p at At[r·Row + p·Step].
    private readonly struct APanel(float* at, nint row, nint step)
    {
        public readonly float* At = at;
        public readonly nint Row = row, Step = step;
    }

    private static void PackA(in GemmTask t, int mr, int i0, int rows, int p0, int kc, float* dst)
    {
        if (t.ASource is { } source) source.Pack(mr, i0, rows, p0, kc, dst);
        else GemmPacking.PackA(mr, t.TransA, t.A, t.Lda, i0, rows, p0, kc, dst);
    }

    private static void RunEdge<TK>(int kc, APanel a, float* b, float* c, nint ldc, int h, int w,
        float alpha, bool add, float* scratch) where TK : struct, IMicroKernel
    {
        int nr = TK.NR;
        if (add)
        {
            for (int r = 0; r < h; r++)
                for (int x = 0; x < w; x++) scratch[r * nr + x] = c[r * ldc + x];
        }

        TK.Run(kc, a.At, a.Row, a.Step, b, scratch, nr, alpha, add);
        for (int r = 0; r < h; r++)
            for (int x = 0; x < w; x++) c[r * ldc + x] = scratch[r * nr + x];
    }
}

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// Single-precision matrix multiply on row-major buffers: C = alpha·op(A)·op(B) (+ C when accumulating).
/// op(A) is m×k (A stored k×m when <c>transA</c>), op(B) is k×n (B stored n×k when <c>transB</c>).
/// Packed panels, a register-blocked SIMD micro-kernel (<see cref="KernelSettings.VectorWidth"/>), cache blocking,
/// and output tiles shared over <see cref="KernelSettings.Threads"/> persistent threads; results are
/// bit-identical for any thread count. Allocates nothing in steady state.
/// </summary>
public static unsafe class Gemm
{
    // Below this many multiply-adds, packing and waking threads cost more than they save; a 1-wide
    // output (matrix-vector) would waste most of a micro-tile, and a k of a few is an outer product
    // bound by writing C, so those stay direct too. A matrix-vector product whose loops run along memory (a dot
    // product per row, or one row of C updated by rows of B) stays direct at any size: it reads each value of the
    // matrix once, so it is bound by reading it, and a packed micro-tile would compute 32 lanes to keep one
    // (a DCGAN's last discriminator layer, [128, 2048]·[2048]: 0.35 ms packed, 0.02 ms as dot products).
    private const long SmallWork = 8 * 1024;
    private const long SmallVectorWork = 64 * 1024;

    private static long _lastTaskId;

    /// <summary>
    /// C = op(A)·op(B), or C += op(A)·op(B) when <paramref name="accumulate"/>, for densely stored matrices (row strides are the
    /// column counts), with the process's <see cref="KernelSettings"/>. As BLAS's <c>sgemm</c> in row-major order with alpha 1.
    /// </summary>
    /// <param name="transA">A is stored k×m and used transposed.</param>
    /// <param name="transB">B is stored n×k and used transposed.</param>
    /// <param name="m">Rows of op(A) and of C.</param>
    /// <param name="n">Columns of op(B) and of C.</param>
    /// <param name="k">Columns of op(A), rows of op(B): the length of each dot product.</param>
    /// <param name="a">A's m·k values.</param>
    /// <param name="b">B's k·n values.</param>
    /// <param name="c">C's m·n values, overwritten or added to.</param>
    /// <param name="accumulate">Add to C instead of overwriting it.</param>
    public static void Multiply(bool transA, bool transB, int m, int n, int k,
        ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, bool accumulate = false) =>
        Multiply(transA, transB, m, n, k, 1f, a, transA ? m : k, b, transB ? k : n, c, n, accumulate,
            KernelSettings.VectorWidth, KernelSettings.Threads);

    /// <summary>
    /// The general form: <paramref name="lda"/>, <paramref name="ldb"/>, <paramref name="ldc"/> are the row strides
    /// of A, B and C as stored (so sub-blocks of larger matrices can be multiplied in place).
    /// </summary>
    public static void Multiply(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, Span<float> c, int ldc, bool accumulate = false) =>
        Multiply(transA, transB, m, n, k, alpha, a, lda, b, ldb, c, ldc, accumulate, KernelSettings.VectorWidth, KernelSettings.Threads);

    /// <summary>The general form with the vector width and thread count given explicitly instead of read from <see cref="KernelSettings"/>.</summary>
    internal static void Multiply(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, Span<float> c, int ldc, bool accumulate,
        VectorWidth width, int threads)
    {
        if (m < 0 || n < 0 || k < 0)
            throw new ArgumentOutOfRangeException(nameof(m), $"Gemm sizes must be non-negative but m={m}, n={n}, k={k}.");
        CheckOperand("A", a, transA ? k : m, transA ? m : k, lda);
        CheckOperand("B", b, transB ? n : k, transB ? k : n, ldb);
        CheckOperand("C", c, m, n, ldc);
        if (m == 0 || n == 0) return;
        if (k == 0)
        {
            if (!accumulate)
                for (int i = 0; i < m; i++) c.Slice(i * ldc, n).Clear();
            return;
        }

        fixed (float* pa = a, pb = b, pc = c)
        {
            if (TakesDirectLoops(transA, transB, m, n, k))
            {
                GemmSmall.Run(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, pc, ldc, accumulate);
                return;
            }

            Run(new GemmTask
            {
                TransA = transA, TransB = transB, Accumulate = accumulate,
                M = m, N = n, K = k, Alpha = alpha,
                A = pa, B = pb, C = pc, Lda = lda, Ldb = ldb, Ldc = ldc,
            }, width, threads);
        }
    }

    /// <summary>
    /// Runs a multiply whose operands are set on <paramref name="task"/> (sizes, alpha, accumulate, plain pointers or
    /// <see cref="PanelSource"/>s) on the packed, tiled path, with the settings in effect.
    /// </summary>
    internal static void Run(GemmTask task) => Run(task, KernelSettings.VectorWidth, KernelSettings.Threads);

    /// <summary>
    /// Runs a multiply like <see cref="Run(GemmTask)"/> but on the calling thread alone, planned for one thread: for a part
    /// of a <see cref="ParallelJob"/>, whose parts already share the threads. The sums are the same as on any thread count.
    /// </summary>
    internal static void RunOnThisThread(GemmTask task)
    {
        Prepare(ref task, KernelSettings.VectorWidth, threads: 1);
        var buffers = GemmBuffers.ForCurrentThread;
        for (int tile = 0; tile < task.TileCount; tile++) GemmDriver.RunTile(task, tile, tile + 1, buffers);
    }

    /// <summary>
    /// The room <see cref="PackAllA"/> needs for op(A) of <paramref name="task"/> (M, K, TransA, A and Lda set), in floats,
    /// for the kernels of the settings in effect.
    /// </summary>
    internal static long PackedASize(GemmTask task)
    {
        task.N = 1; // A's panels do not depend on B
        Prepare(ref task, KernelSettings.VectorWidth, threads: 1);
        return (long)task.PaddedM * task.K;
    }

    /// <summary>
    /// Packs op(A) of <paramref name="task"/> for every k block into <paramref name="dst"/> (<see cref="PackedASize"/> floats)
    /// and sets <see cref="GemmTask.PackedA"/>: multiplies that share A (an implicit convolution's parts) then skip packing
    /// it. The panels are the ones each tile would pack, so the sums are the same.
    /// </summary>
    internal static void PackAllA(ref GemmTask task, float* dst)
    {
        var planned = task;
        planned.N = 1; // A's panels do not depend on B
        Prepare(ref planned, KernelSettings.VectorWidth, threads: 1);
        var job = _packA ??= new PackAJob();
        job.Task = planned;
        job.Dst = dst;
        // Parts of about 16k floats: whole panels of one k block each. Copies only, each inside its own panels, so any
        // split gives the same panels.
        job.PanelsPerPart = Math.Max(1, 16 * 1024 / (planned.Mr * planned.Kc));
        job.RowParts = (planned.PanelsM + job.PanelsPerPart - 1) / job.PanelsPerPart;
        int parts = (planned.K + planned.Kc - 1) / planned.Kc * job.RowParts;
        if ((long)planned.M * planned.K < 32 * 1024 || parts < 2) for (int part = 0; part < parts; part++) job.Run(part);
        else job.RunAll(parts);
        task.PackedA = dst;
    }

    [ThreadStatic] private static PackAJob? _packA;

    /// <summary>One part of <see cref="PackAllA"/>: a run of panels of one k block, where a tile would put them.</summary>
    private sealed class PackAJob : ParallelJob
    {
        public GemmTask Task;
        public float* Dst;
        public int PanelsPerPart, RowParts;

        public override void Run(int part)
        {
            ref readonly var t = ref Task;
            int p0 = part / RowParts * t.Kc, kc = Math.Min(t.Kc, t.K - p0);
            int i0 = part % RowParts * PanelsPerPart * t.Mr, rows = Math.Min(PanelsPerPart * t.Mr, t.M - i0);
            if (rows > 0) GemmPacking.PackA(t.Mr, t.TransA, t.A, t.Lda, i0, rows, p0, kc, Dst + (nint)t.PaddedM * p0 + (nint)i0 * kc);
        }
    }

    private static void Run(GemmTask task, VectorWidth width, int threads)
    {
        Prepare(ref task, width, threads);
        WorkerPool.Shared.Run(task, threads);
    }

    private static void Prepare(ref GemmTask task, VectorWidth width, int threads)
    {
        if (task.M <= 0 || task.N <= 0 || task.K <= 0)
            throw new ArgumentOutOfRangeException(nameof(task), $"A planned GEMM needs positive sizes but m={task.M}, n={task.N}, k={task.K}.");
        task.Kernel = KernelSettings.GemmKernel(width);
        (task.Mr, task.Nr) = GemmDriver.Shape(task.Kernel);
        task.Id = Interlocked.Increment(ref _lastTaskId);
        task.Plan(threads);
    }

    /// <summary>Whether a multiply of these transposes and sizes runs <see cref="GemmSmall"/>'s direct loops (its sums run in another order) rather than the packed kernels.</summary>
    internal static bool TakesDirectLoops(bool transA, bool transB, int m, int n, int k)
    {
        long work = (long)m * n * k;
        bool streamingVector = (n == 1 && transB && !transA) || (m == 1 && (!transB || !transA));
        return work <= SmallWork || ((m == 1 || n == 1) && work <= SmallVectorWork) || (k <= 4 && !transB) || streamingVector;
    }

    private static void CheckOperand(string name, ReadOnlySpan<float> data, int rows, int cols, int ld)
    {
        if (ld < Math.Max(1, cols))
            throw new ArgumentOutOfRangeException(name, $"Gemm operand {name} is stored {rows}×{cols}, so its row stride must be at least {cols} but is {ld}.");
        long needed = rows == 0 || cols == 0 ? 0 : (long)(rows - 1) * ld + cols;
        if (data.Length < needed)
            throw new ArgumentException($"Gemm operand {name} is stored {rows}×{cols} with row stride {ld}, so it needs {needed} values but has {data.Length}; pass a larger buffer or smaller sizes.", name);
    }
}

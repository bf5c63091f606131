namespace GanDsl.Tensors.Kernels;

/// <summary>
/// Persistent helper threads for every parallel kernel: a <see cref="Gemm"/> multiply's output tiles, or the parts of a
/// <see cref="ParallelJob"/> (convolution lowering, batch norm, element-wise loops, the Adam update). Created once (lazily,
/// up to the largest thread count asked for), parked between calls, woken per call. The caller works too; every
/// participant takes whole tiles or parts from a shared counter, so no reduction is ever split. Helpers run each call
/// with the caller's <see cref="KernelSettings"/>. A caller that finds the pool busy (another thread is using it) runs
/// its call alone.
/// </summary>
internal sealed unsafe class WorkerPool
{
    public const int MaxThreads = 64;

    // Spin this long for the next job before parking: a training step issues kernel calls back to back,
    // and waking a parked thread costs tens of microseconds.
    private static readonly long SpinTicks = System.Diagnostics.Stopwatch.Frequency / 5_000; // 200 µs

    public static readonly WorkerPool Shared = new();

    private readonly object gate = new();
    private readonly List<Worker> workers = new();
    private GemmTask task;
    private ParallelJob? job;
    private int jobParts;
    private int nextTile;
    private int pending;
    private int generation;
    private int participants;
    private VectorWidth callerWidth;
    private int callerThreads;

    /// <summary>Runs every tile of <paramref name="t"/> on up to <paramref name="threads"/> threads, the caller included.</summary>
    public void Run(in GemmTask t, int threads)
    {
        int helpers = Math.Min(threads, t.TileCount) - 1;
        if (helpers <= 0 || !Monitor.TryEnter(gate))
        {
            RunAlone(t);
            return;
        }

        try
        {
            task = t;
            job = null;
            WorkWithHelpers(helpers);
        }
        finally
        {
            Monitor.Exit(gate);
        }
    }

    /// <summary>
    /// Runs <paramref name="job"/> for parts 0..<paramref name="parts"/>−1 on up to <paramref name="threads"/> threads, the caller included.
    /// Each part must write its own disjoint outputs, so the result does not depend on who ran which part.
    /// </summary>
    public void Run(ParallelJob work, int parts, int threads)
    {
        int helpers = Math.Min(threads, parts) - 1;
        if (helpers <= 0 || !Monitor.TryEnter(gate))
        {
            for (int i = 0; i < parts; i++) work.Run(i);
            return;
        }

        try
        {
            job = work;
            jobParts = parts;
            WorkWithHelpers(helpers);
        }
        finally
        {
            job = null;
            Monitor.Exit(gate);
        }
    }

    /// <summary>Wakes <paramref name="helpers"/> workers on the posted task or job, works with them, and waits until all are done. Caller holds the gate.</summary>
    private void WorkWithHelpers(int helpers)
    {
        while (workers.Count < helpers) workers.Add(new Worker(this));
        (callerWidth, callerThreads) = (KernelSettings.VectorWidth, KernelSettings.Threads);
        nextTile = 0;
        participants = helpers;
        Volatile.Write(ref pending, helpers);
        Interlocked.Increment(ref generation);
        for (int w = 0; w < helpers; w++) workers[w].Wake();

        WorkTiles(GemmBuffers.ForCurrentThread);
        var spin = new SpinWait();
        while (Volatile.Read(ref pending) != 0) spin.SpinOnce(sleep1Threshold: -1);
    }

    private static void RunAlone(in GemmTask t)
    {
        var buffers = GemmBuffers.ForCurrentThread;
        for (int tile = 0; tile < t.TileCount; tile++) GemmDriver.RunTile(t, tile, buffers);
    }

    private void WorkTiles(GemmBuffers buffers)
    {
        if (job is { } work)
        {
            for (int part = Interlocked.Increment(ref nextTile) - 1; part < jobParts; part = Interlocked.Increment(ref nextTile) - 1)
                work.Run(part);
            return;
        }

        int count = task.TileCount;
        for (int tile = Interlocked.Increment(ref nextTile) - 1; tile < count; tile = Interlocked.Increment(ref nextTile) - 1)
            GemmDriver.RunTile(task, tile, buffers);
    }

    private sealed class Worker
    {
        private readonly WorkerPool pool;
        private readonly int index;
        private readonly SemaphoreSlim signal = new(0);
        private int sleeping;
        private int seenGeneration;

        public Worker(WorkerPool pool)
        {
            this.pool = pool;
            index = pool.workers.Count;
            seenGeneration = Volatile.Read(ref pool.generation);
            new Thread(Loop) { IsBackground = true, Name = $"GanDsl kernel worker {index + 1}" }.Start();
        }

        public void Wake()
        {
            if (Interlocked.CompareExchange(ref sleeping, 0, 1) == 1) signal.Release();
        }

        private void Loop()
        {
            var buffers = GemmBuffers.ForCurrentThread;
            while (true)
            {
                int gen = AwaitGeneration();
                seenGeneration = gen;
                if (index < pool.participants)
                {
                    using (KernelSettings.Override(pool.callerWidth, pool.callerThreads)) pool.WorkTiles(buffers);
                    Interlocked.Decrement(ref pool.pending);
                }
            }
        }

        // Spin briefly, then park. The sleeping flag closes the race with Wake: whoever clears it owns the wake-up.
        private int AwaitGeneration()
        {
            long until = System.Diagnostics.Stopwatch.GetTimestamp() + SpinTicks;
            do
            {
                int gen = Volatile.Read(ref pool.generation);
                if (gen != seenGeneration) return gen;
                Thread.SpinWait(4);
            }
            while (System.Diagnostics.Stopwatch.GetTimestamp() < until);

            while (true)
            {
                Interlocked.Exchange(ref sleeping, 1);
                int gen = Volatile.Read(ref pool.generation);
                if (gen != seenGeneration)
                {
                    if (Interlocked.CompareExchange(ref sleeping, 0, 1) != 1) signal.Wait(); // Wake already released: consume it
                    return gen;
                }

                signal.Wait();
                gen = Volatile.Read(ref pool.generation);
                if (gen != seenGeneration) return gen;
            }
        }
    }
}

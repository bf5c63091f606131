namespace GanDsl.Tensors.Kernels;

/// <summary>
/// Persistent helper threads for every parallel kernel: a <see cref="Gemm"/> multiply's output tiles, or the parts of a
/// <see cref="ParallelJob"/> (convolution lowering, batch norm, element-wise loops, the Adam update). Created once (lazily,
/// up to the largest thread count asked for), parked between calls, woken per call. The caller works too; every
/// participant takes whole tiles, runs of column panels or parts from a shared counter, so no reduction is ever split.
/// Helpers run each call with the caller's <see cref="KernelSettings"/>. A caller that finds the pool busy (another
/// thread is using it) runs its call alone. A helper joins a call by claiming the offer the caller made it; a caller that
/// has run out of parts withdraws the offers not yet claimed, so it never waits for a helper still waking from its park
/// (a futex wake-up on a busy VM took 100–250 µs, and a step makes dozens of calls after serial stretches long enough to
/// park).
/// </summary>
internal sealed unsafe class WorkerPool
{
    public const int MaxThreads = 64;

    // Spin this long for the next job before parking: a training step issues kernel calls back to back,
    // and waking a parked thread costs tens of microseconds.
    private static readonly long SpinTicks = System.Diagnostics.Stopwatch.Frequency / 5_000; // 200 µs

    public static readonly WorkerPool Shared = new();

    // 1 while a call owns the pool. A plain flag rather than a Monitor: a call that finds it taken runs alone anyway,
    // a nested call from inside a part (same thread) must not re-enter, and a compare-exchange is the cheapest check.
    private int _busy;
    private readonly List<Worker> _workers = new();
    private GemmTask _task;
    private ParallelJob? _job;
    private int _jobParts;
    private int _nextTile; // the next tile, part, or (a task of one row block) column panel to hand out
    // The caller and its helpers: threads take tiles in turn, so a thread's next tile is most likely this many on.
    private int _participants;
    private int _generation;
    private VectorWidth _callerWidth;
    private int _callerThreads;

    /// <summary>Runs every tile of <paramref name="t"/> on up to <paramref name="threads"/> threads, the caller included.</summary>
    public void Run(in GemmTask t, int threads)
    {
        int helpers = Math.Min(threads, t.TileCount) - 1;
        if (helpers <= 0 || Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            RunAlone(t);
            return;
        }

        try
        {
            _task = t;
            _job = null;
            WorkWithHelpers(helpers);
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> for parts 0..<paramref name="parts"/>−1 on up to <paramref name="threads"/> threads, the caller included.
    /// Each part must write its own disjoint outputs, so the result does not depend on who ran which part.
    /// </summary>
    public void Run(ParallelJob work, int parts, int threads)
    {
        int helpers = Math.Min(threads, parts) - 1;
        if (helpers <= 0 || Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            for (int i = 0; i < parts; i++) work.Run(i);
            return;
        }

        try
        {
            _job = work;
            _jobParts = parts;
            WorkWithHelpers(helpers);
        }
        finally
        {
            _job = null;
            Volatile.Write(ref _busy, 0);
        }
    }

    /// <summary>
    /// Offers the posted task or job to <paramref name="helpers"/> workers, works on it with those that join, and returns when
    /// every part is done. Caller owns the pool (_busy).
    /// </summary>
    private void WorkWithHelpers(int helpers)
    {
        while (_workers.Count < helpers) _workers.Add(new Worker(this));
        (_callerWidth, _callerThreads) = (KernelSettings.VectorWidth, KernelSettings.Threads);
        _nextTile = 0;
        _participants = helpers + 1;
        for (int w = 0; w < helpers; w++) _workers[w].Offer();
        Interlocked.Increment(ref _generation);
        for (int w = 0; w < helpers; w++) _workers[w].Wake();

        WorkTiles(GemmBuffers.ForCurrentThread);
        // Every part is taken: withdraw the offers no helper has claimed, then wait for those that did to finish theirs.
        for (int w = 0; w < helpers; w++) _workers[w].WithdrawOrAwait();
    }

    private static void RunAlone(in GemmTask t)
    {
        var buffers = GemmBuffers.ForCurrentThread;
        for (int tile = 0; tile < t.TileCount; tile++) GemmDriver.RunTile(t, tile, tile + 1, buffers);
    }

    private void WorkTiles(GemmBuffers buffers)
    {
        if (_job is { } work)
        {
            for (int part = Interlocked.Increment(ref _nextTile) - 1; part < _jobParts; part = Interlocked.Increment(ref _nextTile) - 1)
                work.Run(part);
            return;
        }

        if (_task.ShareA)
        {
            WorkColumns(buffers);
            return;
        }

        int count = _task.TileCount;
        for (int tile = Interlocked.Increment(ref _nextTile) - 1; tile < count; tile = Interlocked.Increment(ref _nextTile) - 1)
            GemmDriver.RunTile(_task, tile, tile + _participants, buffers);
    }

    // A task of one row block: threads claim runs of column panels, at most the planned tile's width and shrinking as the
    // panels run out (a share of what is left, as guided scheduling does), so the last claims are single panels and no
    // thread waits long for another's last one. The caller waited for its helper 0.54 ms a step of the MLP GAN with whole
    // tiles. The columns a thread computes do not change a sum, so the bits are those of any split.
    private void WorkColumns(GemmBuffers buffers)
    {
        int panels = _task.PanelsN;
        int widest = (panels + _task.TilesN - 1) / _task.TilesN, share = 2 * _participants;
        for (int start = Volatile.Read(ref _nextTile); start < panels; )
        {
            int take = Math.Clamp((panels - start + share - 1) / share, 1, widest);
            int seen = Interlocked.CompareExchange(ref _nextTile, start + take, start);
            if (seen != start)
            {
                start = seen;
                continue;
            }

            // The others most likely claim a run each before this thread's next turn.
            int next = Math.Min(panels, start + take * _participants);
            GemmDriver.RunColumns(_task, start, start + take, next, Math.Min(panels, next + take), buffers);
            start = Volatile.Read(ref _nextTile);
        }
    }

    private sealed class Worker
    {
        private readonly WorkerPool _pool;
        private readonly int _index;
        private readonly SemaphoreSlim _signal = new(0);
        private int _sleeping;
        private int _seenGeneration;

        // Idle (none), Offered by the caller, or Claimed by this helper until it has run out of parts. Only the caller
        // moves Idle to Offered and Offered to Idle; only the helper moves Offered to Claimed and Claimed to Idle.
        private const int Idle = 0, Offered = 1, Claimed = 2;
        private int _offer;

        public Worker(WorkerPool pool)
        {
            this._pool = pool;
            _index = pool._workers.Count;
            _seenGeneration = Volatile.Read(ref pool._generation);
            new Thread(Loop) { IsBackground = true, Name = $"GanDsl kernel worker {_index + 1}" }.Start();
        }

        /// <summary>Offers this helper the posted call (before the generation that announces it).</summary>
        public void Offer() => Volatile.Write(ref _offer, Offered);

        /// <summary>Withdraws an unclaimed offer, or waits until the helper that claimed it has finished.</summary>
        public void WithdrawOrAwait()
        {
            if (Interlocked.CompareExchange(ref _offer, Idle, Offered) == Offered) return;
            var spin = new SpinWait();
            while (Volatile.Read(ref _offer) != Idle) spin.SpinOnce(sleep1Threshold: -1);
        }

        public void Wake()
        {
            if (Interlocked.CompareExchange(ref _sleeping, 0, 1) == 1) _signal.Release();
        }

        private void Loop()
        {
            var buffers = GemmBuffers.ForCurrentThread;
            while (true)
            {
                _seenGeneration = AwaitGeneration();
                // The call's fields are read only after the claim, which the caller's writes before its offer precede.
                if (Interlocked.CompareExchange(ref _offer, Claimed, Offered) != Offered) continue;
                using (KernelSettings.Override(_pool._callerWidth, _pool._callerThreads)) _pool.WorkTiles(buffers);
                Volatile.Write(ref _offer, Idle);
            }
        }

        // Spin briefly, then park. The sleeping flag closes the race with Wake: whoever clears it owns the wake-up.
        private int AwaitGeneration()
        {
            long until = System.Diagnostics.Stopwatch.GetTimestamp() + SpinTicks;
            do
            {
                int gen = Volatile.Read(ref _pool._generation);
                if (gen != _seenGeneration) return gen;
                Thread.SpinWait(4);
            }
            while (System.Diagnostics.Stopwatch.GetTimestamp() < until);

            while (true)
            {
                Interlocked.Exchange(ref _sleeping, 1);
                int gen = Volatile.Read(ref _pool._generation);
                if (gen != _seenGeneration)
                {
                    if (Interlocked.CompareExchange(ref _sleeping, 0, 1) != 1) _signal.Wait(); // Wake already released: consume it
                    return gen;
                }

                _signal.Wait();
                gen = Volatile.Read(ref _pool._generation);
                if (gen != _seenGeneration) return gen;
            }
        }
    }
}

using GanDsl.Tensors.Kernels;

namespace GanDsl.Core.Tests.Tensors.Kernels;

/// <summary>
/// The pool's hand-over: a helper joins a call by claiming the caller's offer, and a caller that runs out of parts
/// withdraws the offers nobody claimed. Calls that follow pauses long enough for the helper to park (its spin lasts
/// 200 µs) exercise both outcomes; either way every part must run exactly once, and none after the call returns.
/// </summary>
[Collection(nameof(GemmSerial))]
public class WorkerPoolTests
{
    [Fact]
    public void EveryPartRunsOnceAndNoneAfterTheCallReturnsWhetherTheHelperJoinsOrNot()
    {
        var random = new Random(4);
        var job = new CountingJob();
        int helperParts = 0;
        using (KernelSettings.Override(threads: 2))
        {
            for (int call = 0; call < 400; call++)
            {
                int parts = random.Next(2, 40);
                job.Reset(parts, spin: random.Next(0, 3) * 2000);
                job.RunAll(parts);
                var counts = job.Snapshot();
                Assert.All(counts, count => Assert.Equal(1, count));
                helperParts += job.HelperParts;
                if (call % 4 == 0) Thread.Sleep(1); // long enough for the helper to park before the next call
                Assert.Equal(counts, job.Snapshot()); // nothing ran late
            }
        }
        Assert.True(helperParts > 0, "the helper never took a part, so claiming an offer went untested");
    }

    private sealed class CountingJob : ParallelJob
    {
        private readonly int _caller = Environment.CurrentManagedThreadId;
        private int[] _runs = [];
        private int _spin, _helperParts;

        public int HelperParts => Volatile.Read(ref _helperParts);

        public void Reset(int parts, int spin)
        {
            _runs = new int[parts];
            (_spin, _helperParts) = (spin, 0);
        }

        public int[] Snapshot() => _runs.Select(count => Volatile.Read(ref count)).ToArray();

        public override void Run(int part)
        {
            Thread.SpinWait(_spin);
            Interlocked.Increment(ref _runs[part]);
            if (Environment.CurrentManagedThreadId != _caller) Interlocked.Increment(ref _helperParts);
        }
    }
}

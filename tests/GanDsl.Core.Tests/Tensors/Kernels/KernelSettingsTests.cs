using GanDsl.Tensors.Kernels;

namespace GanDsl.Core.Tests.Tensors.Kernels;

/// <summary>
/// The one settings object: an override holds on its own thread only and ends with its scope, the worker pool's helpers
/// run a call with the caller's settings, and each width caps the loops as documented. Serial: the pool test needs the
/// helpers to itself.
/// </summary>
[Collection(nameof(GemmSerial))]
public class KernelSettingsTests
{
    [Fact]
    public void AnOverrideHoldsOnItsThreadOnlyAndEndsWithItsScope()
    {
        var (processWidth, processThreads) = (KernelSettings.VectorWidth, KernelSettings.Threads);
        using (KernelSettings.Override(VectorWidth.Scalar, threads: 3))
        {
            Assert.Equal((VectorWidth.Scalar, 3), (KernelSettings.VectorWidth, KernelSettings.Threads));
            (VectorWidth, int) elsewhere = default;
            var other = new Thread(() => elsewhere = (KernelSettings.VectorWidth, KernelSettings.Threads));
            other.Start();
            other.Join();
            Assert.Equal((processWidth, processThreads), elsewhere);

            using (KernelSettings.Override(threads: 2))
                Assert.Equal((VectorWidth.Scalar, 2), (KernelSettings.VectorWidth, KernelSettings.Threads));
            Assert.Equal((VectorWidth.Scalar, 3), (KernelSettings.VectorWidth, KernelSettings.Threads));
        }

        Assert.Equal((processWidth, processThreads), (KernelSettings.VectorWidth, KernelSettings.Threads));
    }

    [Fact]
    public void AnOverrideWithABadValueIsRefusedAndChangesNothing()
    {
        var before = (KernelSettings.VectorWidth, KernelSettings.Threads);
        Assert.Throws<ArgumentOutOfRangeException>(() => KernelSettings.Override(VectorWidth.Scalar, threads: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => KernelSettings.Override((VectorWidth)42, threads: 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => KernelSettings.Override(threads: WorkerPool.MaxThreads + 1));
        Assert.Equal(before, (KernelSettings.VectorWidth, KernelSettings.Threads));
    }

    [Theory]
    [InlineData(VectorWidth.Auto, true, true)]
    [InlineData(VectorWidth.Bits512, true, true)]
    [InlineData(VectorWidth.Bits256, false, true)]
    [InlineData(VectorWidth.Scalar, false, false)]
    public void EachWidthCapsTheVectorLoops(VectorWidth width, bool allows512, bool allows256)
    {
        using var scope = KernelSettings.Override(width);
        Assert.Equal(allows512, KernelSettings.Allows(VectorWidth.Bits512));
        Assert.Equal(allows256, KernelSettings.Allows(VectorWidth.Bits256));
    }

    [Fact]
    public void AutoRunsTheGemmMicroKernelOfTheBestAvailableWidth()
    {
        var problem = new GemmProblem(false, true, 64, 96, 300, 1f, false, 0, 0, 0, Seed: 8);
        Assert.Equal(Bits(problem.Run(KernelSettings.BestAvailable, 1)), Bits(problem.Run(VectorWidth.Auto, 1)));
    }

    [Fact]
    public void TheWorkerPoolRunsEveryPartWithTheCallersSettings()
    {
        var job = new RecordingJob(parts: 64);
        using (KernelSettings.Override(VectorWidth.Scalar, threads: 2))
            job.RunAll(64);

        Assert.True(job.HelperRan, "no helper thread took a part, so the hand-over of the settings went untested");
        Assert.All(job.Seen, seen => Assert.Equal((VectorWidth.Scalar, 2), seen));
    }

    // Each part records the settings it saw. The caller's first part waits (up to 10 s) until a helper has run one, so
    // both threads take parts however the helper is scheduled.
    private sealed class RecordingJob(int parts) : ParallelJob
    {
        private readonly int _caller = Environment.CurrentManagedThreadId;
        private readonly ManualResetEventSlim _helperArrived = new();

        public (VectorWidth, int)[] Seen { get; } = new (VectorWidth, int)[parts];

        public bool HelperRan => _helperArrived.IsSet;

        public override void Run(int part)
        {
            Seen[part] = (KernelSettings.VectorWidth, KernelSettings.Threads);
            if (Environment.CurrentManagedThreadId != _caller) _helperArrived.Set();
            else _helperArrived.Wait(TimeSpan.FromSeconds(10));
        }
    }

    private static int[] Bits(float[] values) => Array.ConvertAll(values, BitConverter.SingleToInt32Bits);
}

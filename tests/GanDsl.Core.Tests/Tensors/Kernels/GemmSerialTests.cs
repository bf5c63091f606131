using CsCheck;
using GanDsl.Tensors.Kernels;
using GanDsl.Tests;

namespace GanDsl.Core.Tests.Tensors.Kernels;

[CollectionDefinition(nameof(GemmSerial), DisableParallelization = true)]
public sealed class GemmSerial;

/// <summary>
/// Tests that need the worker pool to themselves (so the threaded split really runs, which a busy pool
/// would refuse) or count allocations: they run alone, after the parallel tests. Paths and thread counts are
/// forced with <see cref="KernelSettings.Override"/>, which reaches no other test.
/// </summary>
[Collection(nameof(GemmSerial))]
public class GemmSerialTests
{
    [Fact]
    public void ResultsAreBitIdenticalForEveryThreadCount() =>
        Gen.Select(GemmTests.Problems(200, 300, 700), Gen.OneOf(GemmTests.Paths)).ForAll((problem, path) =>
        {
            var single = problem.Run(path, threads: 1);
            return new[] { 2, 3, 5 }.All(t => Bits(problem.Run(path, t)).SequenceEqual(Bits(single)));
        }, iter: 60, threads: 1); // one case at a time: the threaded split needs the worker pool to itself

    [Theory]
    [InlineData(false, true)]  // a linear layer's forward: x·Wᵀ
    [InlineData(false, false)] // its input gradient: g·W
    public void TilesOfOneRowBlockShareTheirPackedAAndKeepTheBits(bool transA, bool transB)
    {
        // Batch 128 fits one row block, so with two threads the plan cuts the columns into many tiles that reuse each
        // thread's packed A over three k blocks; the result must still match one thread bit for bit.
        var plan = new GemmTask { M = 128, N = 784, K = 1000, Mr = 6, Nr = 16 };
        plan.Plan(threads: 2);
        Assert.True(plan.ShareA);
        Assert.True(plan.TilesN > 2, $"expected a fine column split, got {plan.TilesM}x{plan.TilesN}");

        var problem = new GemmProblem(transA, transB, 128, 784, 1000, 1f, false, 0, 0, 0, Seed: 21);
        foreach (var path in GemmTests.Paths)
        {
            var single = problem.Run(path, threads: 1);
            Assert.Null(problem.Check(single));
            Assert.Equal(Bits(single), Bits(problem.Run(path, threads: 2)));
        }
    }

    [Theory]
    [InlineData(128, false)] // a batch of 128: whole panels for 8 and 4 rows, 21 whole 6-row panels and a ragged one
    [InlineData(131, true)]  // a ragged last panel at every width, a row stride longer than k, alpha and accumulation
    public void RowsOfAStoredAReadInPlaceGiveThePackedPathsBits(int m, bool strided)
    {
        // With two threads a one-row-block multiply of a plain A reads its whole row panels where A is stored; one thread
        // packs them. Both must give the same bits, within rounding of the reference.
        foreach (bool transB in new[] { false, true })
        {
            var problem = new GemmProblem(false, transB, m, 300, 700, strided ? 0.5f : 1f, strided, strided ? 5 : 0,
                strided ? 3 : 0, strided ? 7 : 0, Seed: 41);
            foreach (var path in GemmTests.Paths)
            {
                var (mr, nr) = GemmDriver.Shape(path);
                var plan = new GemmTask { M = m, N = 300, K = 700, Mr = mr, Nr = nr };
                plan.Plan(threads: 2);
                Assert.True(GemmDriver.ReadsAInPlace(plan), $"{path}: expected A read in place, got a plan of {plan.TilesM}x{plan.TilesN}");
                plan.Plan(threads: 1);
                Assert.False(GemmDriver.ReadsAInPlace(plan));

                var packed = problem.Run(path, threads: 1);
                Assert.Null(problem.Check(packed));
                Assert.Equal(Bits(packed), Bits(problem.Run(path, threads: 2)));
            }
        }
    }

    [Fact]
    public void ATransposedOrPackedByItsProducerIsNeverReadInPlace()
    {
        var plan = new GemmTask { M = 128, N = 784, K = 1000, Mr = 8, Nr = 32 };
        plan.Plan(threads: 2);
        Assert.True(GemmDriver.ReadsAInPlace(plan));
        Assert.False(GemmDriver.ReadsAInPlace(plan with { TransA = true }));
        unsafe { Assert.False(GemmDriver.ReadsAInPlace(plan with { PackedA = (float*)16 })); }
    }

    [Theory]
    [InlineData(true, false, 128)]  // a weight gradient, dyᵀ·x: one k block, several row blocks, four column tiles each
    [InlineData(false, false, 100)]
    [InlineData(true, true, 500)]   // two k blocks: each tile packs its A again
    public void TilesOfOneRowBlockReuseTheirPackedAOnlyWhileItHoldsTheirRows(bool transA, bool transB, int k)
    {
        // A thread's next tile is often the next column block of the same rows, and with one k block it multiplies the A
        // its thread packed for the tile before; a tile of other rows, another multiply, or a second k block must repack.
        var plan = new GemmTask { M = 784, N = 1024, K = k, Mr = 8, Nr = 32 };
        plan.Plan(threads: 2);
        Assert.True(plan.TilesM > 1 && plan.TilesN > 1 && !plan.ShareA, $"expected a grid of row and column blocks, got {plan.TilesM}x{plan.TilesN}");

        var problem = new GemmProblem(transA, transB, 784, 1024, k, 1f, false, 0, 0, 0, Seed: 31);
        var other = problem with { M = 700, Seed = 32 }; // run in between: a thread's buffer then holds another task's rows
        foreach (var path in GemmTests.Paths)
        {
            var single = problem.Run(path, threads: 1);
            Assert.Null(problem.Check(single));
            Assert.Null(other.Check(other.Run(path, threads: 2)));
            var twoThreads = problem.Run(path, threads: 2);
            Assert.Equal(Bits(single), Bits(twoThreads));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public unsafe void AOperandPackedOnceForManyMultipliesGivesTheSameBits(bool transA)
    {
        // 300 rows and 700 k: several row tiles and three k blocks, so tiles find their panels at both offsets; B is cut
        // into column slices as an implicit convolution's parts cut it, each slice multiplied on this thread alone.
        var problem = new GemmProblem(transA, false, 300, 450, 700, 1f, false, 0, 0, 0, Seed: 8);
        foreach (var path in GemmTests.Paths)
        {
            using var scope = KernelSettings.Override(path);
            var expected = problem.Run(path, threads: 1);
            var c = new float[expected.Length];
            fixed (float* a = problem.A, b = problem.B, pc = c)
            {
                var task = new GemmTask { TransA = transA, M = 300, K = 700, A = a, Lda = problem.Lda };
                var packed = new float[Gemm.PackedASize(task)];
                fixed (float* pp = packed)
                {
                    Gemm.PackAllA(ref task, pp);
                    foreach (var (j0, width) in new[] { (0, 160), (160, 33), (193, 257) })
                        Gemm.RunOnThisThread(task with { N = width, Alpha = 1f, B = b + j0, Ldb = problem.Ldb, C = pc + j0, Ldc = problem.Ldc });
                }
            }
            Assert.Equal(Bits(expected), Bits(c));
        }
    }

    [Theory]
    [InlineData(700, 245)] // three k blocks, a ragged last panel (an implicit forward's 5 images of 7×7)
    [InlineData(64, 224)]  // one k block, whole panels
    [InlineData(9, 37)]    // a short k, one whole panel and a ragged one
    public unsafe void BOperandPackedRowByRowGivesTheSameBits(int k, int n)
    {
        // The producer stores B a row at a time into the panels (PackedBRows), as an implicit convolution's parts do; the
        // multiply must read exactly what it would have packed from the stored matrix.
        var problem = new GemmProblem(false, false, 40, n, k, 1f, false, 0, 0, 0, Seed: 13);
        foreach (var path in GemmTests.Paths)
        {
            using var scope = KernelSettings.Override(path);
            var expected = problem.Run(path, threads: 1);
            float[]? wholeRows = null;
            foreach (bool inPieces in new[] { false, true })
            {
                var c = new float[expected.Length];
                var packed = Enumerable.Repeat(float.NaN, (int)PackedBRows.Size(k, n) + 16).ToArray();
                fixed (float* a = problem.A, b = problem.B, pc = c, pp = packed)
                {
                    var rows = PackedBRows.Into(pp, k, n);
                    for (int r = 0; r < k; r++)
                    {
                        float* row = b + (long)r * problem.Ldb;
                        if (!inPieces) rows.Store(r, row);
                        else
                        {
                            // As a convolution's input gradient stores its images' planes: runs that start mid-panel.
                            for (int at = 0; at < n; at += 13) rows.Store(r, at, row + at, Math.Min(13, n - at));
                        }
                    }
                    if (inPieces) rows.ClearPadding();
                    Gemm.RunOnThisThread(new GemmTask
                    {
                        M = 40, N = n, K = k, Alpha = 1f, A = a, Lda = problem.Lda, PackedB = rows.Panels, C = pc, Ldc = problem.Ldc,
                    });
                }
                Assert.Equal(Bits(expected), Bits(c));
                // The panels themselves, zero padding included, do not depend on how the rows were stored.
                if (wholeRows is null) wholeRows = packed;
                else Assert.Equal(Bits(wholeRows), Bits(packed));
            }
        }
    }

    [Fact]
    public void PathSwitchIsReadOnEveryCall()
    {
        var problem = new GemmProblem(false, true, 64, 96, 300, 1f, false, 0, 0, 0, Seed: 5);
        var scalar = problem.Run(VectorWidth.Scalar, 1);
        var vector = problem.Run(VectorWidth.Bits256, 1);
        Assert.NotEqual(Bits(scalar), Bits(vector)); // FMA vs separate multiply and add: the paths are tellable apart

        foreach (var (path, expected) in new[] { (VectorWidth.Scalar, scalar), (VectorWidth.Bits256, vector) })
        {
            using var scope = KernelSettings.Override(path);
            var c = new float[64 * 96];
            Gemm.Multiply(false, true, 64, 96, 300, problem.A, problem.B, c);
            Assert.Equal(Bits(expected), Bits(c));
        }
    }

    [Fact]
    public void ThreadsOutsideTheirRangeAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => KernelSettings.Threads = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => KernelSettings.VectorWidth = (VectorWidth)42);
        Assert.True(KernelSettings.Threads >= 1);
    }

    [Fact]
    public void SteadyStateMultiplyAllocatesNothing()
    {
        var a = new float[128 * 512];
        var b = new float[1024 * 512];
        var c = new float[128 * 1024];
        void Step()
        {
            Gemm.Multiply(false, true, 128, 1024, 512, a, b, c);
            Gemm.Multiply(false, false, 128, 512, 1024, c, b, a);
            Gemm.Multiply(true, false, 1024, 512, 128, c, a, b);
        }

        // Counted on this thread with the GEMM on one thread: the process-wide counter also sees whatever other tests
        // left running (servers, timers) and tiered compilation's background work, which made this test fail under load.
        // Tiered compilation can still allocate on this thread while it promotes methods, so look for a clean round
        // after warm-up rather than demanding the first one be clean; an allocation per call dirties every round.
        var rounds = new List<long>();
        using (KernelSettings.Override(threads: 1))
        {
            for (int round = 0; round < 40; round++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < 10; i++) Step();
                rounds.Add(GC.GetAllocatedBytesForCurrentThread() - before);
                if (rounds[^1] == 0) break;
            }
        }

        Assert.True(rounds[^1] == 0, $"Every round of multiplies allocated: {string.Join(", ", rounds)} bytes.");
    }

    private static int[] Bits(float[] values) => Array.ConvertAll(values, BitConverter.SingleToInt32Bits);
}

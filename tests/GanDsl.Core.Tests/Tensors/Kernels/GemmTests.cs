using CsCheck;
using GanDsl.Tensors.Kernels;
using GanDsl.Tests;

namespace GanDsl.Core.Tests.Tensors.Kernels;

public class GemmTests
{
    public static readonly VectorWidth[] Paths = [VectorWidth.Bits512, VectorWidth.Bits256, VectorWidth.Scalar];

    public static TheoryData<VectorWidth> AllPaths => new(Paths);

    // Sizes lean small (ragged edges, the direct path) but reach past MC, NR multiples and one k block.
    private static Gen<int> Size(int max) =>
        Gen.Frequency((3, Gen.Int[1, 9]), (4, Gen.Int[10, 70]), (2, Gen.Int[71, max]));

    internal static Gen<GemmProblem> Problems(int maxM, int maxN, int maxK) =>
        from ta in Gen.Bool
        from tb in Gen.Bool
        from m in Size(maxM)
        from n in Size(maxN)
        from k in Size(maxK)
        from alpha in Gen.OneOf(1f, 0.5f, -2f)
        from acc in Gen.Bool
        from pa in Gen.OneOf(0, 0, 3)
        from pb in Gen.OneOf(0, 0, 5)
        from pc in Gen.OneOf(0, 0, 2)
        from seed in Gen.Int[0, 1_000_000]
        select new GemmProblem(ta, tb, m, n, k, alpha, acc, pa, pb, pc, seed);

    [Fact]
    public void EveryPathAndThreadCountMatchesDoublePrecisionReference() =>
        Gen.Select(Problems(150, 150, 360), Gen.OneOf(Paths), Gen.Int[1, 3]).ForAll(
            (problem, path, threads) => problem.Check(problem.Run(path, threads)) is null, iter: 120);

    [Theory]
    [MemberData(nameof(AllPaths))]
    public void AllTransposesMatchReferenceAcrossEveryCacheBlock(VectorWidth path)
    {
        // m > MC, n > NC and k > KC, none a multiple of a micro-tile.
        foreach (var (ta, tb) in new[] { (false, false), (false, true), (true, false), (true, true) })
        {
            var problem = new GemmProblem(ta, tb, 203, 541, 677, 1f, false, 1, 0, 3, Seed: 11);
            Assert.Null(problem.Check(problem.Run(path, threads: 2)));
        }
    }

    public static TheoryData<string, bool, bool, int, int, int> MlpGanShapes()
    {
        var data = new TheoryData<string, bool, bool, int, int, int>();
        foreach (var (fanIn, fanOut) in new[] { (100, 256), (256, 512), (1024, 784), (784, 512), (128, 1) })
        {
            data.Add($"fwd {fanIn}->{fanOut}", false, true, 128, fanOut, fanIn);
            data.Add($"dx {fanIn}->{fanOut}", false, false, 128, fanIn, fanOut);
            data.Add($"dW {fanIn}->{fanOut}", true, false, fanOut, fanIn, 128);
        }

        return data;
    }

    [Theory]
    [InlineData(false, true, 128, 1, 2048, true)]   // a DCGAN's last discriminator layer: a dot product per image
    [InlineData(true, false, 1, 2048, 128, true)]   // its weight gradient: one row of C updated by rows of B
    [InlineData(false, false, 1, 3000, 300, true)]
    [InlineData(false, true, 1, 500, 3000, true)]
    [InlineData(false, false, 128, 1, 2048, false)] // B's column read across rows: the packed kernels
    [InlineData(true, true, 1, 500, 3000, false)]   // no contiguous direction: the packed kernels
    public void MatrixVectorProductsAlongMemoryRunDirectAtAnySize(bool transA, bool transB, int m, int n, int k, bool direct)
    {
        Assert.Equal(direct, Gemm.TakesDirectLoops(transA, transB, m, n, k));
        var problem = new GemmProblem(transA, transB, m, n, k, 1f, false, 0, 0, 0, Seed: m + n + k);
        var one = problem.Run(VectorWidth.Auto, threads: 1);
        Assert.Null(problem.Check(one));
        Assert.Equal(one, problem.Run(VectorWidth.Auto, threads: 3));
    }

    [Theory]
    [MemberData(nameof(MlpGanShapes))]
    public void MlpGanShapesMatchReference(string name, bool transA, bool transB, int m, int n, int k)
    {
        var problem = new GemmProblem(transA, transB, m, n, k, 1f, false, 0, 0, 0, Seed: name.Length);
        Assert.Null(problem.Check(problem.Run(VectorWidth.Auto, threads: 2)));
    }

    [Theory]
    [MemberData(nameof(AllPaths))]
    public void ZeroKClearsOrKeepsC(VectorWidth path)
    {
        var c = new[] { 1f, 2f, 3f, 4f };
        Gemm.Multiply(false, false, 2, 2, 0, 1f, [], 1, [], 2, c, 2, accumulate: true, path, 2);
        Assert.Equal(new[] { 1f, 2f, 3f, 4f }, c);
        Gemm.Multiply(false, false, 2, 2, 0, 1f, [], 1, [], 2, c, 2, accumulate: false, path, 2);
        Assert.Equal(new float[4], c);
    }

    [Fact]
    public void SimpleSignatureComputesRowMajorProduct()
    {
        // [1 2; 3 4] · [5 6; 7 8] = [19 22; 43 50], and accumulating adds it again.
        var c = new float[4];
        Gemm.Multiply(false, false, 2, 2, 2, [1, 2, 3, 4], [5, 6, 7, 8], c);
        Assert.Equal(new[] { 19f, 22f, 43f, 50f }, c);
        Gemm.Multiply(true, true, 2, 2, 2, [1, 3, 2, 4], [5, 7, 6, 8], c, accumulate: true);
        Assert.Equal(new[] { 38f, 44f, 86f, 100f }, c);
    }

    [Fact]
    public void TooSmallBufferIsRejectedWithAClearMessage()
    {
        var ex = Assert.Throws<ArgumentException>(() => Gemm.Multiply(false, false, 4, 4, 4, new float[15], new float[16], new float[16]));
        Assert.Contains("operand A", ex.Message);
        Assert.Contains("needs 16 values but has 15", ex.Message);
    }

    [Fact]
    public void TooSmallStrideIsRejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Gemm.Multiply(false, false, 2, 2, 2, 1f, new float[4], 1, new float[4], 2, new float[4], 2));
        Assert.Contains("row stride must be at least 2", ex.Message);
    }
}

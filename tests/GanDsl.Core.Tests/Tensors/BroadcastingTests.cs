using CsCheck;
using GanDsl.Autograd;
using GanDsl.Tensors;
using GanDsl.Tests;

namespace GanDsl.Core.Tests.Tensors;

public class BroadcastingTests
{
    /// <summary>Random shape pairs: each dimension of the smaller operand is the result's, 1, or missing.</summary>
    private static (int[] Full, int[] Small) Pair(int seed)
    {
        var rng = new Rng((ulong)seed);
        int rank = 1 + rng.NextInt(4);
        var full = Enumerable.Range(0, rank).Select(_ => 1 + rng.NextInt(4)).ToArray();
        int drop = rng.NextInt(rank);
        var small = full.Skip(drop).Select(d => rng.NextInt(3) == 0 ? 1 : d).ToArray();
        return (full, small);
    }

    private static float Naive(Func<float, float, float> op, Tensor a, Tensor b, Shape result, int i)
    {
        var ia = new int[result.Size];
        var ib = new int[result.Size];
        Broadcasting.SourceIndices(a.Shape, result, ia);
        Broadcasting.SourceIndices(b.Shape, result, ib);
        return op(a.Data[ia[i]], b.Data[ib[i]]);
    }

    [Fact]
    public void Every_broadcast_path_equals_the_index_by_index_definition() =>
        Gen.Select(Sized.Int, Gen.Bool).ForAll((seed, smallOnLeft) =>
    {
        var (fullDims, smallDims) = Pair(seed);
        var rng = new Rng((ulong)seed + 7);
        var full = new Tensor(new Shape(fullDims));
        var small = new Tensor(new Shape(smallDims));
        rng.FillUniform(full.Data, 1f, 2f);
        rng.FillUniform(small.Data, 1f, 2f);
        var (a, b) = smallOnLeft ? (small, full) : (full, small);
        var sum = Ops.Add(a, b);
        var quotient = Ops.Div(a, b);
        for (int i = 0; i < sum.Size; i++)
        {
            Assert.Equal(Naive((x, y) => x + y, a, b, sum.Shape, i), sum.Data[i]);
            Assert.Equal(Naive((x, y) => x / y, a, b, quotient.Shape, i), quotient.Data[i]);
        }
        var reduced = Ops.SumTo(full, small.Shape);
        var expected = new double[small.Size];
        var idx = new int[full.Size];
        Broadcasting.SourceIndices(small.Shape, full.Shape, idx);
        for (int i = 0; i < full.Size; i++) expected[idx[i]] += full.Data[i];
        for (int i = 0; i < small.Size; i++) Assert.Equal(expected[i], reduced.Data[i], 1e-4);
        var expanded = Ops.Expand(small, full.Shape);
        for (int i = 0; i < full.Size; i++) Assert.Equal(small.Data[idx[i]], expanded.Data[i]);
    }, iter: 200);
}

using CsCheck;
using GanDsl.Autograd;
using GanDsl.Tensors;
using GanDsl.Tests;

namespace GanDsl.Core.Tests.Autograd;

public class ReductionGradTests
{
    [Fact]
    public void Sums_means_and_reshapes_match_finite_differences() =>
        Gen.Select(Gen.Byte, Gen.Byte, Gen.Byte, Sized.Int).ForAll((a, b, c, seed) =>
    {
        var rng = new Rng((ulong)seed);
        int[] dims = { 1 + a % 3, 1 + b % 4, 1 + c % 3 };
        var x = GradCheck.Random(rng, dims);
        GradCheck.Assert(t => Ops.Sum(Ops.Square(t[0])), x);
        GradCheck.Assert(t => Ops.Mean(Ops.Square(t[0])), x);
        for (int axis = 0; axis < 3; axis++)
        {
            int ax = axis;
            GradCheck.Assert(t => GradCheck.Weighted(Ops.Sum(t[0], ax), seed), x);
            GradCheck.Assert(t => GradCheck.Weighted(Ops.Mean(t[0], ax, keepDim: true), seed), x);
        }
        GradCheck.Assert(t => GradCheck.Weighted(Ops.Reshape(t[0], -1, dims[2]), seed), x);
        GradCheck.Assert(t => GradCheck.Weighted(Ops.Flatten(t[0]), seed), x);
    }, iter: 30);

    [Fact]
    public void Concat_and_narrow_match_finite_differences() =>
        Gen.Select(Gen.Byte, Gen.Byte, Gen.Byte, Sized.Int).ForAll((axis, n, m, seed) =>
    {
        var rng = new Rng((ulong)seed);
        int ax = axis % 2;
        var p = GradCheck.Random(rng, 1 + n % 3, 2);
        var q = GradCheck.Random(rng, ax == 0 ? 1 + m % 3 : 1 + n % 3, ax == 0 ? 2 : 1 + m % 3);
        GradCheck.Assert(t => GradCheck.Weighted(Ops.Concat(new[] { t[0], t[1] }, ax), seed), p, q);
        GradCheck.Assert(t => GradCheck.Weighted(Ops.Narrow(t[0], 1, 1, 1), seed), p);
    }, iter: 30);

    [Fact]
    public void Max_pool_upsample_and_embedding_match_finite_differences() =>
        Gen.Select(Gen.Byte, Gen.Byte, Gen.Byte, Sized.Int).ForAll((n, size, kernel, seed) =>
    {
        var rng = new Rng((ulong)seed);
        int h = 2 + size % 4, k = 1 + kernel % 2;
        // Distinct, well-separated values so the finite difference never crosses a change of argmax.
        var x = new Tensor(new Shape(1 + n % 2, 2, h, h));
        var order = Enumerable.Range(0, x.Size).ToArray();
        rng.Shuffle(order);
        for (int i = 0; i < x.Size; i++) x.Data[i] = order[i] * 0.1f;
        GradCheck.Assert(t => GradCheck.Weighted(Ops.MaxPool2d(t[0], k, 1), seed), x);
        GradCheck.Assert(t => GradCheck.Weighted(Ops.MaxPool2d(t[0], k), seed), x);
        GradCheck.Assert(t => GradCheck.Weighted(Ops.UpsampleNearest(t[0], 2), seed), GradCheck.Random(rng, 1, 2, h, h));
        var labels = new[] { 2, 0, 2, 1 };
        GradCheck.Assert(t => GradCheck.Weighted(Ops.Embedding(t[0], labels), seed), GradCheck.Random(rng, 3, 1 + n % 4));
    }, iter: 25);
}

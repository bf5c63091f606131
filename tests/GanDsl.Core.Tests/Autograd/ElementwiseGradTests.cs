using CsCheck;
using GanDsl.Autograd;
using GanDsl.Tensors;
using GanDsl.Tests;

namespace GanDsl.Core.Tests.Autograd;

public class ElementwiseGradTests
{
    /// <summary>Broadcast pairs: equal shapes, a row vector, a column, a scalar, and a lower-rank operand.</summary>
    private static (int[] A, int[] B) BroadcastPair(int kind, int n, int m) => (kind % 5) switch
    {
        0 => (new[] { n, m }, new[] { n, m }),
        1 => (new[] { n, m }, new[] { m }),
        2 => (new[] { n, 1 }, new[] { 1, m }),
        3 => (new[] { n, m }, new[] { 1 }),
        _ => (new[] { 2, n, m }, new[] { n, 1 }),
    };

    [Fact]
    public void Add_sub_mul_div_with_broadcasting_match_finite_differences() =>
        Gen.Select(Gen.Byte, Gen.Byte, Gen.Byte, Sized.Int).ForAll((kind, n, m, seed) =>
    {
        var rng = new Rng((ulong)seed);
        var (sa, sb) = BroadcastPair(kind, 1 + n % 4, 1 + m % 4);
        if (kind % 2 == 1) (sa, sb) = (sb, sa); // both operand orders
        var a = GradCheck.Random(rng, sa);
        var b = GradCheck.Positive(rng, 0.5f, 1.5f, sb);
        GradCheck.Assert(x => GradCheck.Weighted(Ops.Add(x[0], x[1]), seed), a, b);
        GradCheck.Assert(x => GradCheck.Weighted(Ops.Sub(x[0], x[1]), seed), a, b);
        GradCheck.Assert(x => GradCheck.Weighted(Ops.Mul(x[0], x[1]), seed), a, b);
        GradCheck.Assert(x => GradCheck.Weighted(Ops.Div(x[0], x[1]), seed), a, b);
    }, iter: 40);

    [Fact]
    public void Unary_ops_match_finite_differences() =>
        Gen.Select(Gen.Byte, Gen.Byte, Sized.Int).ForAll((n, m, seed) =>
    {
        var rng = new Rng((ulong)seed);
        int[] dims = { 1 + n % 5, 1 + m % 5 };
        var x = GradCheck.Random(rng, dims);
        var awayFromZero = GradCheck.AwayFromZero(rng, dims);
        var positive = GradCheck.Positive(rng, 0.3f, 2f, dims);
        GradCheck.Assert(t => GradCheck.Weighted(Ops.Tanh(t[0]), seed), x);
        GradCheck.Assert(t => GradCheck.Weighted(Ops.Sigmoid(t[0]), seed), x);
        GradCheck.Assert(t => GradCheck.Weighted(Ops.Exp(t[0]), seed), x);
        GradCheck.Assert(t => GradCheck.Weighted(Ops.Neg(t[0]), seed), x);
        GradCheck.Assert(t => GradCheck.Weighted(Ops.Log(t[0]), seed), positive);
        GradCheck.Assert(t => GradCheck.Weighted(Ops.Sqrt(t[0]), seed), positive);
        GradCheck.Assert(t => GradCheck.Weighted(Ops.Relu(t[0]), seed), awayFromZero);
        GradCheck.Assert(t => GradCheck.Weighted(Ops.LeakyRelu(t[0], 0.2f), seed), awayFromZero);
        GradCheck.Assert(t => GradCheck.Weighted(Ops.Abs(t[0]), seed), awayFromZero);
        GradCheck.Assert(t => GradCheck.Weighted(Ops.ClampMin(t[0], 0f), seed), awayFromZero);
    }, iter: 30);

    [Fact]
    public void Broadcasting_mismatch_names_the_op_and_both_shapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Ops.Add(Tensor.Zeros(2, 3), Tensor.Zeros(4)));
        Assert.Contains("add", ex.Message);
        Assert.Contains("[2, 3]", ex.Message);
        Assert.Contains("[4]", ex.Message);
    }
}

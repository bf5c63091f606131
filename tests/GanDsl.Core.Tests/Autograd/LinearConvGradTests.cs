using CsCheck;
using GanDsl.Autograd;
using GanDsl.Tensors;
using GanDsl.Tests;

namespace GanDsl.Core.Tests.Autograd;

public class LinearConvGradTests
{
    [Fact]
    public void Matmul_in_every_transpose_matches_finite_differences() =>
        Gen.Select(Gen.Byte, Gen.Byte, Gen.Byte, Gen.Bool, Gen.Bool, Sized.Int).ForAll((m, n, k, transA, transB, seed) =>
    {
        var rng = new Rng((ulong)seed);
        int mm = 1 + m % 4, nn = 1 + n % 4, kk = 1 + k % 4;
        var a = GradCheck.Random(rng, transA ? new[] { kk, mm } : new[] { mm, kk });
        var b = GradCheck.Random(rng, transB ? new[] { nn, kk } : new[] { kk, nn });
        GradCheck.Assert(t => GradCheck.Weighted(Ops.MatMul(t[0], t[1], transA, transB), seed), a, b);
    }, iter: 30);

    [Fact]
    public void Linear_matches_finite_differences() =>
        Gen.Select(Gen.Byte, Gen.Byte, Gen.Byte, Sized.Int).ForAll((batch, inF, outF, seed) =>
    {
        var rng = new Rng((ulong)seed);
        var x = GradCheck.Random(rng, 1 + batch % 4, 1 + inF % 5);
        var w = GradCheck.Random(rng, 1 + outF % 4, x.Shape[1]);
        var b = GradCheck.Random(rng, w.Shape[0]);
        GradCheck.Assert(t => GradCheck.Weighted(Ops.Linear(t[0], t[1], t[2]), seed), x, w, b);
    }, iter: 30);

    [Fact]
    public void Conv2d_with_stride_and_padding_matches_finite_differences() =>
        Gen.Select(Gen.Byte, Gen.Byte, Gen.Byte, Gen.Byte, Gen.Byte, Gen.Byte, Sized.Int).ForAll((cin, cout, size, kernel, stride, padding, seed) =>
    {
        var rng = new Rng((ulong)seed);
        int k = 1 + kernel % 3, s = 1 + stride % 2, p = padding % 2, h = k + size % 3;
        var x = GradCheck.Random(rng, 2, 1 + cin % 2, h, h + 1);
        var w = GradCheck.Random(rng, 1 + cout % 3, x.Shape[1], k, k);
        var b = GradCheck.Random(rng, w.Shape[0]);
        GradCheck.Assert(t => GradCheck.Weighted(Ops.Conv2d(t[0], t[1], t[2], s, p), seed), x, w, b);
    }, iter: 30);

    [Fact]
    public void Conv_transpose2d_with_stride_padding_and_output_padding_matches_finite_differences() =>
        Gen.Select(Gen.Byte, Gen.Byte, Gen.Byte, Gen.Byte, Gen.Byte, Gen.Byte, Sized.Int).ForAll((cin, cout, size, kernel, stride, padding, seed) =>
    {
        var rng = new Rng((ulong)seed);
        int k = 1 + kernel % 4, s = 1 + stride % 2, p = Math.Min(padding % 2, k - 1), op = s > 1 ? padding % 2 : 0, h = 1 + size % 3;
        var x = GradCheck.Random(rng, 2, 1 + cin % 3, h, h);
        var w = GradCheck.Random(rng, x.Shape[1], 1 + cout % 2, k, k);
        var b = GradCheck.Random(rng, w.Shape[1]);
        if ((h - 1) * s - 2 * p + k + op <= 0) return;
        GradCheck.Assert(t => GradCheck.Weighted(Ops.ConvTranspose2d(t[0], t[1], t[2], s, p, op), seed), x, w, b);
    }, iter: 30);

    [Fact]
    public void Conv_transpose2d_output_size_follows_pytorch()
    {
        var y = Ops.ConvTranspose2d(Tensor.Zeros(1, 4, 7, 7), Tensor.Zeros(4, 2, 3, 3), null, stride: 2, padding: 1, outputPadding: 1);
        Assert.Equal(new Shape(1, 2, 14, 14), y.Shape);
    }

    [Fact]
    public void Mismatched_matmul_names_the_op_and_both_shapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Ops.MatMul(Tensor.Zeros(2, 3), Tensor.Zeros(4, 5)));
        Assert.Contains("matmul", ex.Message);
        Assert.Contains("[2, 3]", ex.Message);
        Assert.Contains("[4, 5]", ex.Message);
    }

    [Fact]
    public void Conv2d_with_wrong_channels_names_both_shapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Ops.Conv2d(Tensor.Zeros(1, 3, 8, 8), Tensor.Zeros(4, 2, 3, 3)));
        Assert.Contains("conv2d", ex.Message);
        Assert.Contains("[1, 3, 8, 8]", ex.Message);
        Assert.Contains("[4, 2, 3, 3]", ex.Message);
    }
}

using CsCheck;
using GanDsl.Autograd;
using GanDsl.Tensors;
using GanDsl.Tests;

namespace GanDsl.Core.Tests.Autograd;

public class BatchNormAndLossGradTests
{
    [Fact]
    public void Batch_norm_in_train_mode_matches_finite_differences() =>
        Gen.Select(Gen.Bool, Gen.Byte, Gen.Byte, Sized.Int).ForAll((image, batch, channels, seed) =>
    {
        var rng = new Rng((ulong)seed);
        int n = 3 + batch % 3, c = 1 + channels % 3;
        var x = image ? GradCheck.Spread(rng, n, c, 2, 2) : GradCheck.Spread(rng, n, c);
        var gamma = GradCheck.Positive(rng, 0.5f, 1.5f, c);
        var beta = GradCheck.Random(rng, c);
        GradCheck.Assert(t => GradCheck.Weighted(
            Ops.BatchNorm(t[0], t[1], t[2], Tensor.Zeros(c), Tensor.Full(1f, c), training: true), seed), x, gamma, beta);
    }, iter: 25);

    [Fact]
    public void Batch_norm_in_eval_mode_matches_finite_differences() =>
        Gen.Select(Gen.Byte, Sized.Int).ForAll((channels, seed) =>
    {
        var rng = new Rng((ulong)seed);
        int c = 1 + channels % 3;
        var x = GradCheck.Random(rng, 3, c, 2, 2);
        var mean = GradCheck.Random(rng, c);
        var variance = GradCheck.Positive(rng, 0.5f, 2f, c);
        GradCheck.Assert(t => GradCheck.Weighted(Ops.BatchNorm(t[0], t[1], t[2], mean, variance, training: false), seed),
            x, GradCheck.Random(rng, c), GradCheck.Random(rng, c));
    }, iter: 20);

    [Fact]
    public void Batch_norm_updates_running_statistics_with_momentum_and_unbiased_variance()
    {
        var x = Tensor.FromArray(new[] { 1f, 2f, 3f, 6f }, 4, 1);
        var rm = Tensor.Zeros(1);
        var rv = Tensor.Full(1f, 1);
        Ops.BatchNorm(x, Tensor.Full(1f, 1), Tensor.Zeros(1), rm, rv, training: true);
        Assert.Equal(0.1f * 3f, rm.Data[0], 6);
        Assert.Equal(0.9f + 0.1f * (14f / 3f), rv.Data[0], 5); // unbiased: sum((x−3)²)/(4−1) = 14/3
    }

    [Fact]
    public void Losses_match_finite_differences() =>
        Gen.Select(Gen.Byte, Sized.Int).ForAll((n, seed) =>
    {
        var rng = new Rng((ulong)seed);
        int count = 1 + n % 6;
        var probability = GradCheck.Positive(rng, 0.1f, 0.9f, count, 1);
        var logits = GradCheck.Random(rng, count, 1);
        var target = GradCheck.Positive(rng, 0f, 1f, count, 1);
        GradCheck.Assert(t => Ops.BinaryCrossEntropy(t[0], target), probability);
        GradCheck.Assert(t => Ops.BinaryCrossEntropyWithLogits(t[0], target), logits);
        GradCheck.Assert(t => Ops.MseLoss(t[0], t[1]), logits, target.Clone());
    }, iter: 30);

    [Fact]
    public void Softmax_cross_entropy_matches_finite_differences() =>
        Gen.Select(Gen.Byte, Gen.Byte, Sized.Int).ForAll((n, k, seed) =>
    {
        var rng = new Rng((ulong)seed);
        int count = 1 + n % 5, classes = 2 + k % 4;
        var logits = GradCheck.Random(rng, count, classes);
        var labels = Enumerable.Range(0, count).Select(i => (i * 7 + seed) % classes).Select(Math.Abs).ToArray();
        GradCheck.Assert(t => GanDsl.Nn.SoftmaxCrossEntropy.Loss(t[0], labels), logits);
    }, iter: 30);

    [Fact]
    public void Bce_clamps_each_log_term_at_minus_100()
    {
        var loss = Ops.BinaryCrossEntropy(Tensor.FromArray(new[] { 0f, 1f }, 2, 1), Tensor.FromArray(new[] { 1f, 0f }, 2, 1));
        Assert.Equal(100f, loss.Item());
    }

    [Fact]
    public void Bce_with_logits_stays_finite_for_large_logits()
    {
        var loss = Ops.BinaryCrossEntropyWithLogits(Tensor.FromArray(new[] { 200f, -200f }, 2, 1), Tensor.FromArray(new[] { 0f, 1f }, 2, 1));
        Assert.Equal(200f, loss.Item(), 3);
    }

    [Fact]
    public void Dropout_zeroes_about_p_and_scales_the_rest_in_training_only()
    {
        var x = Tensor.Full(1f, 10000);
        var y = Ops.Dropout(x, 0.3, training: true, new Rng(7));
        int zeros = y.Data.Count(v => v == 0f);
        Assert.InRange(zeros, 2800, 3200);
        Assert.All(y.Data.Where(v => v != 0f), v => Assert.Equal(1f / 0.7f, v, 5));
        Assert.Same(x, Ops.Dropout(x, 0.3, training: false, new Rng(7)));
        var mask = Ops.Dropout(GradCheck.Random(new Rng(1), 3, 3), 0.5, true, new Rng(3));
        var input = GradCheck.Random(new Rng(2), 3, 3);
        GradCheck.Assert(t => GradCheck.Weighted(Ops.Dropout(t[0], 0.5, true, new Rng(3)), 9), input);
    }
}

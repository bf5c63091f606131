using CsCheck;
using GanDsl.Autograd;
using GanDsl.Nn;
using GanDsl.Tensors;
using GanDsl.Tests;

namespace GanDsl.Core.Tests.Autograd;

/// <summary>
/// Finite-difference checks of the ops behind the issue-19 layers, first order and, for those a critic may hold under a
/// gradient penalty or R1, second order (the gradient of ‖∂f/∂x‖²): group normalisation (LayerNorm, InstanceNorm2d,
/// GroupNorm), the spectrally normalised weight, minibatch standard deviation, channel dropout and the label terms.
/// </summary>
public class NormalizationGradTests
{
    /// <summary>Small steps, as batch norm's check takes: normalised values move fast where a group's spread is small.</summary>
    private static void AssertPenaltyGradient(Func<Tensor[], Tensor> f, params Tensor[] inputs) => AssertPenaltyGradient(2e-3, f, inputs);

    private static void AssertPenaltyGradient(double step, Func<Tensor[], Tensor> f, params Tensor[] inputs) =>
        GradCheck.Assert(t => GradCheck.GradientPenalty(f, t), inputs, 5e-3, 5e-2, step);

    /// <summary>(groups, [N, C, …]) pairs: LayerNorm (1 group), GroupNorm, InstanceNorm (C groups), on images and flat samples.</summary>
    private static readonly (int Groups, int[] Shape)[] Layouts =
    [
        (1, [3, 2, 2, 2]), (2, [2, 4, 2, 2]), (3, [2, 3, 2, 3]), (2, [3, 6]), (1, [4, 5]),
    ];

    [Fact]
    public void Group_normalisation_matches_finite_differences() =>
        Gen.Select(Gen.Int[0, Layouts.Length - 1], Sized.Int).ForAll((layout, seed) =>
    {
        var rng = new Rng((ulong)seed);
        var (groups, shape) = Layouts[layout];
        var x = GradCheck.Spread(rng, shape);
        GradCheck.Assert(t => GradCheck.Weighted(Ops.GroupNormalize(t[0], groups, 1e-5f), seed), x);
    }, iter: 25);

    [Fact]
    public void Group_normalisation_with_an_affine_is_twice_differentiable() =>
        Gen.Select(Gen.Int[0, Layouts.Length - 1], Sized.Int).ForAll((layout, seed) =>
    {
        var rng = new Rng((ulong)seed);
        var (groups, shape) = Layouts[layout];
        var x = GradCheck.Spread(rng, shape);
        int c = shape[1];
        var view = shape.Length == 4 ? new Shape(c, 1, 1) : new Shape(c);
        var gamma = GradCheck.Positive(rng, 0.5f, 1.5f, c);
        var beta = GradCheck.Random(rng, c);
        AssertPenaltyGradient(t => GradCheck.Weighted(Ops.Tanh(Ops.Add(
            Ops.Mul(Ops.GroupNormalize(t[0], groups, 1e-5f), Ops.Reshape(t[1], view)), Ops.Reshape(t[2], view))), seed), x, gamma, beta);
    }, iter: 10);

    [Fact]
    public void Spectrally_normalised_weight_matches_finite_differences_and_is_twice_differentiable() =>
        Gen.Select(Gen.Bool, Sized.Int).ForAll((transposed, seed) =>
    {
        // Evaluation mode: u and v stay fixed, as they are constants of the result (PyTorch computes them without gradient).
        // They are first brought near the top singular vectors, as training leaves them, so σ is not a near-zero accident.
        var rng = new Rng((ulong)seed);
        int dim = transposed ? 1 : 0;
        var w = GradCheck.Random(rng, 2, 3, 2, 2);
        var u = Unit(rng, w.Shape[dim]);
        var v = Unit(rng, w.Size / w.Shape[dim]);
        for (int i = 0; i < 20; i++) Ops.SpectralNormWeight(w, u, v, dim, powerIteration: true);
        var x = GradCheck.Random(rng, 2, 3, 3, 3);
        GradCheck.Assert(t => GradCheck.Weighted(Ops.SpectralNormWeight(t[0], u, v, dim, powerIteration: false), seed), w);
        if (transposed) return;
        AssertPenaltyGradient(GradCheck.Step, t => GradCheck.Weighted(Ops.Tanh(Ops.Conv2d(t[0], Ops.SpectralNormWeight(t[1], u, v, 0, powerIteration: false), null, 1, 1)), seed), x, w);
    }, iter: 10);

    [Fact]
    public void Minibatch_standard_deviation_matches_finite_differences_and_is_twice_differentiable() =>
        Gen.Select(Gen.Int[1, 4], Gen.Int[1, 2], Sized.Int).ForAll((groupSize, groups, seed) =>
    {
        var rng = new Rng((ulong)seed);
        var x = GradCheck.Spread(rng, Math.Min(groupSize, 4) * groups, 2, 2, 2);
        GradCheck.Assert(t => GradCheck.Weighted(Ops.MinibatchStdDev(t[0], groupSize), seed), x);
        AssertPenaltyGradient(t => GradCheck.Weighted(Ops.Tanh(Ops.MinibatchStdDev(t[0], groupSize)), seed), x);
    }, iter: 10);

    [Fact]
    public void Channel_dropout_matches_finite_differences_for_a_fixed_mask() =>
        Sized.Int.ForAll(seed =>
    {
        var x = GradCheck.Random(new Rng((ulong)seed), 3, 4, 2, 2);
        GradCheck.Assert(t => GradCheck.Weighted(Ops.Dropout2d(t[0], 0.4, training: true, new Rng(7)), seed), x);
    }, iter: 10);

    [Fact]
    public void Label_projection_and_class_affine_match_finite_differences_and_are_twice_differentiable() =>
        Sized.Int.ForAll(seed =>
    {
        var rng = new Rng((ulong)seed);
        int[] labels = [2, 0, 1, 2];
        var projection = new LabelProjection(3, 5);
        projection.Initialize(Init.PyTorchDefault, rng);
        var h = GradCheck.Random(rng, 4, 5);
        GradCheck.Assert(t => GradCheck.Weighted(projection.Forward(t[0], labels), seed), h, projection.Weight);
        AssertPenaltyGradient(t => GradCheck.Weighted(Ops.Tanh(projection.Forward(Ops.Tanh(t[0]), labels)), seed), h, projection.Weight);

        var affine = new ClassConditionalAffine(3, 2);
        rng.FillUniform(affine.Gain.Data, 0.5f, 1.5f);
        rng.FillUniform(affine.Shift.Data, -1f, 1f);
        var x = GradCheck.Random(rng, 4, 2, 2, 2);
        GradCheck.Assert(t => GradCheck.Weighted(affine.Forward(t[0], labels), seed), x, affine.Gain, affine.Shift);
        AssertPenaltyGradient(t => GradCheck.Weighted(Ops.Tanh(affine.Forward(t[0], labels)), seed), x, affine.Gain, affine.Shift);
    }, iter: 8);

    private static Tensor Unit(Rng rng, int length)
    {
        var t = GradCheck.Random(rng, length);
        float norm = MathF.Sqrt(t.Data.Sum(v => v * v));
        for (int i = 0; i < length; i++) t.Data[i] /= norm;
        return t;
    }
}

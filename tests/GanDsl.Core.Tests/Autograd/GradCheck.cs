using GanDsl.Autograd;
using GanDsl.Tensors;

namespace GanDsl.Core.Tests.Autograd;

/// <summary>
/// Compares autograd's gradients with central finite differences. Ops run in float32, so the step is fairly large (1e-2)
/// and the tolerance loose enough for float round-off yet tight enough to catch a wrong formula (a factor, a sign, a transpose).
/// </summary>
internal static class GradCheck
{
    public const double Step = 1e-2;

    /// <summary>Asserts d(scalar)/d(input) for every element of every input.</summary>
    public static void Assert(Func<Tensor[], Tensor> scalar, params Tensor[] inputs) => Assert(scalar, inputs, 3e-3, 3e-2);

    public static void Assert(Func<Tensor[], Tensor> scalar, Tensor[] inputs, double atol, double rtol, double step = Step)
    {
        foreach (var t in inputs) t.RequiresGrad = true;
        var output = scalar(inputs);
        Xunit.Assert.Equal(1, output.Size);
        var analytic = Engine.Grad(output, inputs);
        for (int k = 0; k < inputs.Length; k++)
        {
            var data = inputs[k].Data;
            for (int i = 0; i < data.Length; i++)
            {
                float saved = data[i];
                data[i] = (float)(saved + step);
                double plus = scalar(inputs).Item();
                data[i] = (float)(saved - step);
                double minus = scalar(inputs).Item();
                data[i] = saved;
                double numeric = (plus - minus) / (2 * step);
                double got = analytic[k].Data[i];
                if (Math.Abs(got - numeric) > atol + rtol * Math.Abs(numeric))
                    Xunit.Assert.Fail($"input {k} element {i} of {inputs[k].Shape}: autograd {got:G6}, finite difference {numeric:G6}");
            }
        }
    }

    /// <summary>Weights the elements of an op's output with fixed random numbers, so every entry of the Jacobian is checked.</summary>
    public static Tensor Weighted(Tensor output, int seed)
    {
        var weights = Random(new Rng((ulong)seed + 1000), output.Shape.ToArray());
        return Ops.Sum(Ops.Mul(output, weights));
    }

    /// <summary>
    /// The scalar ‖∂f/∂x‖² (a gradient penalty), whose own gradient exercises every backward rule's backward.
    /// </summary>
    public static Tensor GradientPenalty(Func<Tensor[], Tensor> scalar, Tensor[] inputs, int wrt = 0)
    {
        var f = scalar(inputs);
        var g = Engine.Grad(f, new[] { inputs[wrt] }, createGraph: true)[0];
        return Ops.Sum(Ops.Mul(g, g));
    }

    public static Tensor Random(Rng rng, params int[] dims)
    {
        var t = new Tensor(new Shape(dims));
        rng.FillUniform(t.Data, -1f, 1f);
        return t;
    }

    /// <summary>Values bounded away from zero, for ops with a kink at 0 (relu, abs).</summary>
    public static Tensor AwayFromZero(Rng rng, params int[] dims)
    {
        var t = Random(rng, dims);
        for (int i = 0; i < t.Size; i++) t.Data[i] = MathF.CopySign(0.1f + MathF.Abs(t.Data[i]), t.Data[i]);
        return t;
    }

    /// <summary>
    /// Evenly spaced values in [−1, 1] in random order: no two close together, so batch statistics stay well conditioned
    /// and a finite difference never straddles a kink or a near-zero variance.
    /// </summary>
    public static Tensor Spread(Rng rng, params int[] dims)
    {
        var t = new Tensor(new Shape(dims));
        var order = Enumerable.Range(0, t.Size).ToArray();
        rng.Shuffle(order);
        for (int i = 0; i < t.Size; i++) t.Data[i] = t.Size == 1 ? 0.5f : -1f + 2f * order[i] / (t.Size - 1);
        return t;
    }

    public static Tensor Positive(Rng rng, float low, float high, params int[] dims)
    {
        var t = new Tensor(new Shape(dims));
        rng.FillUniform(t.Data, low, high);
        return t;
    }
}

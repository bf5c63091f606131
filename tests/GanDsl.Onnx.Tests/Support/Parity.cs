using GanDsl.Autograd;
using GanDsl.Nn;
using GanDsl.Tensors;

namespace GanDsl.Onnx.Tests.Support;

/// <summary>Fixed inputs, weights that exercise every parameter, and GanDsl's own eval-mode forward to compare ONNX Runtime with.</summary>
internal static class Parity
{
    /// <summary>The tolerance the issue sets between ONNX Runtime and GanDsl on the same weights.</summary>
    public const float Tolerance = 1e-5f;

    public static float[] Normal(int count, ulong seed)
    {
        var values = new float[count];
        new Rng(seed).FillNormal(values);
        return values;
    }

    public static float[] Uniform(int count, ulong seed, float low = -1f, float high = 1f)
    {
        var values = new float[count];
        new Rng(seed).FillUniform(values, low, high);
        return values;
    }

    /// <summary>
    /// Gives every batch norm running statistics and an affine transform far from their initial 0/1, so an export that
    /// ignored them, or used batch statistics, would differ; other weights keep their seeded initialisation.
    /// </summary>
    public static void PerturbBatchNorms(Module net, ulong seed)
    {
        var rng = new Rng(seed);
        foreach (var bn in Walk(net).OfType<BatchNorm>())
        {
            rng.FillNormal(bn.RunningMean.Data, 0f, 0.3f);
            rng.FillUniform(bn.RunningVar.Data, 0.3f, 2f);
            if (bn.Weight is null || bn.Bias is null) continue; // no affine (conditional batch norm gives it per class)
            rng.FillNormal(bn.Weight.Data, 1f, 0.3f);
            rng.FillNormal(bn.Bias.Data, 0f, 0.3f);
        }
    }

    public static float[] Generate(GeneratorModule generator, float[] z, int[]? labels)
    {
        generator.Eval();
        using var _ = GradMode.NoGrad();
        using var scope = BufferScope.Begin();
        return generator.Generate(new Tensor(new Shape(z.Length / generator.LatentDim, generator.LatentDim), z), labels).Data.ToArray();
    }

    /// <summary>
    /// Runs a few training-mode forwards so that spectral norm's u and v leave their random start (PyTorch's spectral_norm
    /// also iterates them only in training forwards): from the start σ can be near 0 and the scores near 1e5, where float32
    /// cannot show a 1e-5 difference. Batch norm statistics move too, so perturb them afterwards.
    /// </summary>
    public static void SettleSpectralNorms(DiscriminatorModule discriminator, ulong seed, int forwards = 5)
    {
        discriminator.Train();
        using (GradMode.NoGrad())
        using (BufferScope.Begin())
        {
            int perSample = discriminator.InputShape.Aggregate(1, (a, b) => a * b);
            var shape = new[] { 4 }.Concat(discriminator.InputShape).ToArray();
            int[]? labels = discriminator.Classes == 0 ? null : [0, 1 % discriminator.Classes, 2 % discriminator.Classes, 3 % discriminator.Classes];
            for (int i = 0; i < forwards; i++)
                discriminator.Score(new Tensor(new Shape(shape), Uniform(4 * perSample, seed + (ulong)i)), labels);
        }
        discriminator.Eval();
    }

    public static float[] Score(DiscriminatorModule discriminator, float[] x, int[]? labels)
    {
        discriminator.Eval();
        using var _ = GradMode.NoGrad();
        using var scope = BufferScope.Begin();
        int perSample = discriminator.InputShape.Aggregate(1, (a, b) => a * b);
        var shape = new[] { x.Length / perSample }.Concat(discriminator.InputShape).ToArray();
        return discriminator.Score(new Tensor(new Shape(shape), x), labels).Data.ToArray();
    }

    public static float MaxAbsDifference(float[] a, float[] b)
    {
        Assert.Equal(a.Length, b.Length);
        float max = 0f;
        for (int i = 0; i < a.Length; i++) max = MathF.Max(max, MathF.Abs(a[i] - b[i]));
        return max;
    }

    public static long[] Shape(int batch, IEnumerable<int> perSample) => new long[] { batch }.Concat(perSample.Select(d => (long)d)).ToArray();

    private static IEnumerable<Module> Walk(Module m) => new[] { m }.Concat(m.Children.SelectMany(c => Walk(c.Module)));
}

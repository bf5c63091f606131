using GanDsl.Nn;
using GanDsl.Onnx.Tests.Support;

namespace GanDsl.Onnx.Tests.Layers;

/// <summary>
/// The layers and label terms of issue 19 in ONNX Runtime: each file computes what GanDsl's evaluation-mode forward computes,
/// at every opset GanDsl writes (the label projection's sum changes form at opset 13), including minibatch std dev's group
/// size read from the batch at run time.
/// </summary>
public class NewLayerExportTests
{
    public static TheoryData<int> Opsets => ExportRulesTests.Opsets;

    [Theory]
    [MemberData(nameof(Opsets))]
    public void Spectral_norm_the_normalisations_and_channel_dropout_export_exactly(int opset)
    {
        var options = new OnnxExportOptions { Opset = opset };
        var generator = Trained(new NewLayersGenerator(seed: 2));
        Parity.PerturbBatchNorms(generator, 3);
        ReferenceModelParityTests.AssertGeneratorParity(generator, OnnxExport.ToBytes(generator, options));

        var critic = Trained(new NewLayersCritic(seed: 4));
        using var runtime = new OnnxRuntimeRunner(OnnxExport.ToBytes(critic, options));
        foreach (int n in new[] { 8, 3, 1 }) // groups of 4, one group of 3, one sample
        {
            var x = Parity.Uniform(n * 64, seed: (ulong)(300 + n));
            var (actual, _) = runtime.Run("image", x, [n, 1, 8, 8]);
            float difference = Parity.MaxAbsDifference(Parity.Score(critic, x, null), actual);
            Assert.True(difference <= Parity.Tolerance, $"NewLayersCritic at batch {n}, opset {opset}: ONNX Runtime differs from GanDsl by up to {difference:G3}.");
        }
    }

    [Theory]
    [MemberData(nameof(Opsets))]
    public void A_projection_discriminator_and_a_conditional_batch_norm_generator_export_their_label_terms(int opset)
    {
        var options = new OnnxExportOptions { Opset = opset };
        var discriminator = Trained(new ProjectionDiscriminator(seed: 5));
        ReferenceModelParityTests.AssertDiscriminatorParity(discriminator, OnnxExport.ToBytes(discriminator, options));
        var generator = new ConditionalNormGenerator(seed: 6);
        Parity.PerturbBatchNorms(generator, 7);
        foreach (var (_, affine) in generator.Children.Where(c => c.Module is ClassConditionalAffine))
        {
            var tables = (ClassConditionalAffine)affine;
            new Tensors.Rng(8).FillNormal(tables.Gain.Data, 1f, 0.3f);
            new Tensors.Rng(9).FillNormal(tables.Shift.Data, 0f, 0.3f);
        }
        ReferenceModelParityTests.AssertGeneratorParity(generator, OnnxExport.ToBytes(generator, options));
    }

    [Fact]
    public void The_same_noise_gives_a_different_image_and_the_same_image_a_different_score_per_label()
    {
        var generator = new ConditionalNormGenerator(seed: 10);
        foreach (var affine in generator.Children.Select(c => c.Module).OfType<ClassConditionalAffine>())
            new Tensors.Rng(11).FillNormal(affine.Gain.Data, 1f, 0.3f);
        using var g = new OnnxRuntimeRunner(OnnxExport.ToBytes(generator));
        var z = Enumerable.Repeat(Parity.Normal(10, seed: 12), 3).SelectMany(v => v).ToArray();
        var (images, _) = g.Run("z", z, [3, 10], [0, 1, 2]);
        Assert.True(Parity.MaxAbsDifference(images[..64], images[64..128]) > 1e-3f);

        var discriminator = new ProjectionDiscriminator(seed: 13);
        using var d = new OnnxRuntimeRunner(OnnxExport.ToBytes(discriminator));
        var x = Enumerable.Repeat(Parity.Uniform(64, seed: 14), 3).SelectMany(v => v).ToArray();
        var (scores, _) = d.Run("image", x, [3, 1, 8, 8], [0, 1, 2]);
        Assert.Equal(3, scores.Distinct().Count());
        Assert.Equal(["image", "label"], d.Session.InputMetadata.Keys);
    }

    [Fact]
    public void An_auxiliary_classifier_exports_its_label_free_score_without_a_label_input()
    {
        var discriminator = new AuxClassifierDiscriminator(seed: 15);
        Parity.PerturbBatchNorms(discriminator, 16);
        using var d = new OnnxRuntimeRunner(OnnxExport.ToBytes(discriminator));
        Assert.Equal(["image"], d.Session.InputMetadata.Keys);
        var x = Parity.Uniform(5 * 64, seed: 17);
        var (scores, shape) = d.Run("image", x, [5, 1, 8, 8]);
        Assert.Equal(new long[] { 5, 1 }, shape);
        var expected = Parity.Score(discriminator, x, null);
        Assert.True(expected.Distinct().Count() > 1);
        Assert.True(Parity.MaxAbsDifference(expected, scores) <= Parity.Tolerance);
    }

    /// <summary>A few training forwards, so spectral norm's u and v are near the singular vectors (the file is written from them).</summary>
    private static T Trained<T>(T net) where T : Module
    {
        net.Train();
        var input = net switch
        {
            GeneratorModule g => Tensors.Tensor.Zeros(4, g.LatentDim),
            DiscriminatorModule d => Tensors.Tensor.Zeros([4, .. d.InputShape]),
            _ => throw new ArgumentException(net.GetType().Name),
        };
        int[]? labels = net switch { DiscriminatorModule { Classes: > 0 } or GeneratorModule { Classes: > 0 } => [0, 1, 2, 0], _ => null };
        using (Autograd.GradMode.NoGrad())
            for (int i = 0; i < 5; i++) _ = net is GeneratorModule gen ? gen.Generate(input, labels) : ((DiscriminatorModule)(Module)net).Score(input, labels);
        return net;
    }
}

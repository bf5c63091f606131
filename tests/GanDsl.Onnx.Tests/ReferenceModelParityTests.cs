using GanDsl.Models;
using GanDsl.Nn;
using GanDsl.Nn.Progressive;
using GanDsl.Onnx.Tests.Support;

namespace GanDsl.Onnx.Tests;

/// <summary>
/// Every reference model's generator and discriminator: ONNX Runtime running the exported file gives GanDsl's eval-mode
/// forward on the same weights within 1e-5, for batches of 1 and 7 from one file.
/// </summary>
public class ReferenceModelParityTests
{
    public static TheoryData<string> Names => new(ModelCatalog.All.Select(m => m.Name));

    /// <summary>The model's pair; a progressive one moved to its final stage, where training ends.</summary>
    internal static IGan Create(string name)
    {
        var gan = ModelCatalog.Get(name).Create(7);
        if (gan is ProgressiveGan progressive) progressive.Advance(long.MaxValue / 2);
        return gan;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Generator_file_gives_GanDsl_output_for_batches_of_1_and_7(string name)
    {
        var generator = Create(name).Generator;
        Parity.PerturbBatchNorms(generator, 11);
        AssertGeneratorParity(generator, OnnxExport.ToBytes(generator));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Discriminator_file_gives_GanDsl_scores_for_batches_of_1_and_7(string name)
    {
        var discriminator = Create(name).Discriminator;
        Parity.SettleSpectralNorms(discriminator, 13);
        Parity.PerturbBatchNorms(discriminator, 12);
        AssertDiscriminatorParity(discriminator, OnnxExport.ToBytes(discriminator));
    }

    [Fact]
    public void Nets_with_BatchNorm1d_output_padding_upsampling_and_embedded_labels_match_too()
    {
        var generator = new EveryKindGenerator(seed: 3);
        Parity.PerturbBatchNorms(generator, 4);
        AssertGeneratorParity(generator, OnnxExport.ToBytes(generator));
        foreach (DiscriminatorModule d in new DiscriminatorModule[] { new FlattenEmbeddingDiscriminator(seed: 5), new FlatEmbeddingDiscriminator(seed: 6) })
        {
            Parity.PerturbBatchNorms(d, 7);
            AssertDiscriminatorParity(d, OnnxExport.ToBytes(d));
        }
    }

    internal static void AssertGeneratorParity(GeneratorModule generator, byte[] file, int[]? fixedLabels = null)
    {
        using var runtime = new OnnxRuntimeRunner(file);
        foreach (int n in new[] { 1, 7 })
        {
            var z = Parity.Normal(n * generator.LatentDim, seed: (ulong)(100 + n));
            int[]? labels = generator.Classes == 0 ? null : fixedLabels ?? Enumerable.Range(0, n).Select(i => (2 * i + 1) % generator.Classes).ToArray();
            var expected = Parity.Generate(generator, z, labels);
            var (actual, shape) = runtime.Run("z", z, [n, generator.LatentDim], labels?.Select(l => (long)l).ToArray());
            Assert.Equal(Parity.Shape(n, generator.OutputShape), shape);
            float difference = Parity.MaxAbsDifference(expected, actual);
            Assert.True(difference <= Parity.Tolerance, $"{generator.GetType().Name} at batch {n}: ONNX Runtime differs from GanDsl by up to {difference:G3}.");
            Assert.True(expected.Distinct().Count() > 1, "the outputs compared are all equal, so the comparison shows nothing");
        }
    }

    internal static void AssertDiscriminatorParity(DiscriminatorModule discriminator, byte[] file)
    {
        using var runtime = new OnnxRuntimeRunner(file);
        int perSample = discriminator.InputShape.Aggregate(1, (a, b) => a * b);
        string input = discriminator.InputShape.Length == 3 ? "image" : "sample";
        foreach (int n in new[] { 1, 7 })
        {
            var x = Parity.Uniform(n * perSample, seed: (ulong)(200 + n));
            int[]? labels = discriminator.Classes == 0 ? null : Enumerable.Range(0, n).Select(i => (i + 2) % discriminator.Classes).ToArray();
            var expected = Parity.Score(discriminator, x, labels);
            var (actual, shape) = runtime.Run(input, x, Parity.Shape(n, discriminator.InputShape), labels?.Select(l => (long)l).ToArray());
            Assert.Equal(new long[] { n, 1 }, shape);
            float difference = Parity.MaxAbsDifference(expected, actual);
            Assert.True(difference <= Parity.Tolerance, $"{discriminator.GetType().Name} at batch {n}: ONNX Runtime differs from GanDsl by up to {difference:G3}.");
            if (n > 1) Assert.True(expected.Distinct().Count() > 1, "the scores compared are all equal, so the comparison shows nothing");
        }
    }
}

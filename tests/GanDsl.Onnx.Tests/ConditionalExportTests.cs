using GanDsl.Models;
using GanDsl.Onnx.Tests.Support;

namespace GanDsl.Onnx.Tests;

/// <summary>A conditional net's file takes its labels as an int64 input, and they change its output as they change GanDsl's.</summary>
public class ConditionalExportTests
{
    [Fact]
    public void The_cgan_generator_draws_a_different_image_per_label_from_the_same_noise_and_each_equals_GanDsl()
    {
        var generator = new CganGenerator(seed: 21);
        Parity.PerturbBatchNorms(generator, 22);
        using var runtime = new OnnxRuntimeRunner(OnnxExport.ToBytes(generator));
        var oneZ = Parity.Normal(generator.LatentDim, seed: 23);
        var images = new List<float[]>();
        for (int label = 0; label < generator.Classes; label++)
        {
            var z = Enumerable.Repeat(oneZ, 7).SelectMany(v => v).ToArray();
            var labels = Enumerable.Repeat(label, 7).ToArray();
            var (actual, _) = runtime.Run("z", z, [7, generator.LatentDim], labels.Select(l => (long)l).ToArray());
            var expected = Parity.Generate(generator, z, labels);
            Assert.True(Parity.MaxAbsDifference(expected, actual) <= Parity.Tolerance, $"label {label}: ONNX Runtime differs from GanDsl");
            images.Add(actual[..784]);
        }
        for (int a = 0; a < images.Count; a++)
            for (int b = a + 1; b < images.Count; b++)
                Assert.True(Parity.MaxAbsDifference(images[a], images[b]) > 1e-3f, $"labels {a} and {b} give the same image from the same noise");
    }

    [Fact]
    public void Label_and_noise_are_the_generator_inputs_with_a_free_batch_dimension()
    {
        using var runtime = new OnnxRuntimeRunner(OnnxExport.ToBytes(new CganGenerator(seed: 1)));
        var inputs = runtime.Session.InputMetadata;
        Assert.Equal(["z", "label"], inputs.Keys);
        Assert.Equal(typeof(float), inputs["z"].ElementType);
        Assert.Equal([-1, 100], inputs["z"].Dimensions);
        Assert.Equal("N", inputs["z"].SymbolicDimensions[0]);
        Assert.Equal(typeof(long), inputs["label"].ElementType);
        Assert.Equal([-1], inputs["label"].Dimensions);
        Assert.Equal([-1, 1, 28, 28], runtime.Session.OutputMetadata["image"].Dimensions);
    }

    [Fact]
    public void The_cgan_discriminator_scores_one_image_differently_under_each_label()
    {
        var discriminator = new CganDiscriminator(seed: 31);
        Parity.PerturbBatchNorms(discriminator, 32);
        using var runtime = new OnnxRuntimeRunner(OnnxExport.ToBytes(discriminator));
        var image = Parity.Uniform(784, seed: 33);
        var x = Enumerable.Repeat(image, 10).SelectMany(v => v).ToArray();
        var labels = Enumerable.Range(0, 10).ToArray();
        var (scores, _) = runtime.Run("image", x, [10, 1, 28, 28], labels.Select(l => (long)l).ToArray());
        Assert.True(Parity.MaxAbsDifference(Parity.Score(discriminator, x, labels), scores) <= Parity.Tolerance);
        Assert.Equal(10, scores.Distinct().Count());
    }
}

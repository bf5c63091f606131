using GanDsl.Tensors;
using GanDsl.Training;

namespace GanDsl.Core.Tests.Training;

/// <summary>TrainingConfig.Normalization: torchvision's Normalize(mean, std) on the real batches, undone on the samples.</summary>
public class DataNormalizationTests
{
    [Fact]
    public void Pixels_map_as_torchvisions_normalize_does_and_back()
    {
        var mnist = DataNormalization.Mnist;
        // Data in [-1, 1] is pixel / 127.5 - 1; Normalize sees pixel / 255.
        float[] pixels = [0f, 1f, 127f, 128f, 255f];
        var values = pixels.Select(p => p / 127.5f - 1f).ToArray();
        mnist.Normalize(values);
        for (int i = 0; i < pixels.Length; i++)
            Assert.Equal((pixels[i] / 255f - 0.1307f) / 0.3081f, values[i], 1e-5f);

        mnist.Denormalize(values);
        for (int i = 0; i < pixels.Length; i++) Assert.Equal(pixels[i] / 127.5f - 1f, values[i], 1e-6f);
    }

    [Fact]
    public void Denormalizing_a_tensor_returns_a_copy_and_leaves_the_samples_alone()
    {
        var samples = new Tensor(new Shape(2, 2), [0f, 1f, -1f, 2f]);
        var back = new DataNormalization(0.5f, 0.25f).Denormalize(samples);
        Assert.Equal(new[] { 0f, 1f, -1f, 2f }, samples.Data);
        Assert.Equal(new[] { 0f, 0.5f, -0.5f, 1f }, back.Data); // 2 (x · 0.25 + 0.5) − 1
    }

    [Fact]
    public void Bad_values_and_a_declared_data_range_are_refused_one_sentence_each()
    {
        Assert.Empty((TrainingConfig.Default with { Normalization = DataNormalization.Mnist }).Validate());
        Assert.Equal("Normalization.Std must be a positive finite number but is 0.",
            Assert.Single((TrainingConfig.Default with { Normalization = new(0.1f, 0f) }).Validate()));
        Assert.Equal("Normalization.Mean must be a finite number but is NaN.",
            Assert.Single((TrainingConfig.Default with { Normalization = new(float.NaN, 1f) }).Validate()));
        Assert.Equal("Normalization and DataRange cannot both be set: normalised data are not in MinusOneToOne range; leave DataRange unset.",
            Assert.Single((TrainingConfig.Default with { Normalization = DataNormalization.Mnist, DataRange = DataRange.MinusOneToOne }).Validate()));
    }

    [Fact]
    public void A_resume_cannot_change_the_normalization()
    {
        var saved = TrainingConfig.Default with { Normalization = DataNormalization.Mnist };
        Assert.Empty(ResumeCompatibility.Problems(saved, saved with { Normalization = new(0.1307f, 0.3081f) }));
        Assert.Equal("Resume cannot change Normalization from (mean 0.1307, std 0.3081) to none because the nets learned data normalised "
            + "the saved way; keep Normalization = (mean 0.1307, std 0.3081) or start a new run.",
            Assert.Single(ResumeCompatibility.Problems(saved, saved with { Normalization = null })));
    }

    [Fact]
    public void The_loop_normalises_each_real_batch_and_maps_the_fixed_noise_samples_back()
    {
        var normalization = new DataNormalization(0.2f, 0.4f);
        var plain = TrainingSession.Start(new MlpGan(3, true), new InMemoryData(40), Configs.Tiny);
        var normalised = TrainingSession.Start(new MlpGan(3, true), new InMemoryData(40), Configs.Tiny with { Normalization = normalization });

        // Same seed, same data order: the normalised session's batch is the plain one's, normalised.
        var expected = (float[])plain.NextBatch(0, keepFake: false).Real.Data.Clone();
        normalization.Normalize(expected);
        Assert.Equal(expected, normalised.NextBatch(0, keepFake: false).Real.Data);

        var raw = normalised.Engine.Sample(normalised.FixedNoise, normalised.FixedLabels);
        Assert.Equal(normalization.Denormalize(raw).Data, normalised.SampleFixedNoise().Data);
        Assert.NotEqual(raw.Data, normalised.SampleFixedNoise().Data);
    }
}

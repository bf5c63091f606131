using GanDsl.Training;

namespace GanDsl.Core.Tests.Training;

public class SamplingTests
{
    [Fact]
    public void Draw_is_deterministic_in_eval_mode_and_puts_the_generators_mode_back()
    {
        var g = new MlpGan(3, true).Generator;
        var a = Sampling.Draw(g, 300, seed: 5); // more than one internal batch of 256
        Assert.True(g.Training);
        var b = Sampling.Draw(g, 300, seed: 5);
        Assert.Equal([300, 6], a.Shape.ToArray());
        Assert.Equal(a.Data, b.Data);
        Assert.NotEqual(a.Data, Sampling.Draw(g, 300, seed: 6).Data);
        // Fewer samples draw a prefix of the same noise (equal up to the rounding of another batch size).
        Assert.All(a.Data.Take(60).Zip(Sampling.Draw(g, 10, seed: 5).Data), p => Assert.Equal(p.First, p.Second, 1e-5f));
        g.Eval();
        Sampling.Draw(g, 2);
        Assert.False(g.Training);
    }

    [Fact]
    public void A_conditional_generator_draws_every_class_in_turn_or_the_labels_given()
    {
        var g = new MlpGan(3, true, classes: 3).Generator;
        var cycled = Sampling.Draw(g, 6, seed: 1);
        var given = Sampling.Draw(g, 6, seed: 1, labels: [0, 1, 2, 0, 1, 2]);
        Assert.Equal(cycled.Data, given.Data);
        Assert.NotEqual(cycled.Data, Sampling.Draw(g, 6, seed: 1, labels: [2, 2, 2, 2, 2, 2]).Data);
    }

    [Fact]
    public void Another_engine_gets_the_same_noise_and_labels_in_the_same_batches()
    {
        var g = new MlpGan(3, true, classes: 3).Generator;
        var seen = new List<(float[] Noise, int[]? Labels)>();
        GanDsl.Tensors.Tensor Elsewhere(GanDsl.Tensors.Tensor z, int[]? labels)
        {
            seen.Add(((float[])z.Data.Clone(), labels));
            return g.Generate(z, labels);
        }
        var expected = Sampling.Draw(g, 300, seed: 4);
        var actual = Sampling.Draw(g, 300, seed: 4, generate: Elsewhere);
        Assert.Equal(expected.Data, actual.Data);
        Assert.Equal([256, 44], seen.Select(s => s.Labels!.Length));
        Assert.Equal(Enumerable.Range(256, 44).Select(i => i % 3), seen[1].Labels);
        Assert.Equal(256 * 4, seen[0].Noise.Length);
    }

    [Fact]
    public void Wrong_labels_are_refused_with_one_sentence()
    {
        var plain = new MlpGan(3, true).Generator;
        var conditional = new MlpGan(3, true, classes: 3).Generator;
        Assert.Contains("is not conditional", Assert.Throws<ArgumentException>(() => Sampling.Draw(plain, 2, labels: [0, 0])).Message);
        Assert.Contains("give one label per sample", Assert.Throws<ArgumentException>(() => Sampling.Draw(conditional, 2, labels: [0])).Message);
        Assert.Contains("label 3 is out of range", Assert.Throws<ArgumentOutOfRangeException>(() => Sampling.Draw(conditional, 1, labels: [3])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Sampling.Draw(plain, 0));
    }

    [Fact]
    public void Truncated_noise_stays_within_its_bound_and_is_as_deterministic_as_plain_noise()
    {
        var g = new MlpGan(3, true).Generator;
        var seen = new List<float>();
        GanDsl.Tensors.Tensor Record(GanDsl.Tensors.Tensor z, int[]? labels)
        {
            seen.AddRange(z.Data);
            return g.Generate(z, labels);
        }
        var truncated = Sampling.Draw(g, 300, seed: 5, generate: Record, truncation: 0.5f);
        Assert.Equal(300 * g.LatentDim, seen.Count);
        Assert.All(seen, v => Assert.InRange(v, -0.5f, 0.5f));
        Assert.True(seen.Max() > 0.45f && seen.Min() < -0.45f, "the whole range is drawn");
        Assert.Equal(truncated.Data, Sampling.Draw(g, 300, seed: 5, truncation: 0.5f).Data);
        Assert.NotEqual(truncated.Data, Sampling.Draw(g, 300, seed: 5).Data);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(0.01f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void A_truncation_bound_that_would_reject_almost_every_draw_is_refused(float bound)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new GanDsl.Tensors.Rng(1).FillTruncatedNormal(new float[4], bound));
        Assert.Contains("must be a finite number of at least 0.05", error.Message);
    }
}

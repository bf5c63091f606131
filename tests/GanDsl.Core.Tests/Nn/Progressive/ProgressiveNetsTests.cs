using GanDsl.Autograd;
using GanDsl.Nn;
using GanDsl.Nn.Progressive;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Core.Tests.Nn.Progressive;

public class ProgressiveNetsTests
{
    private static Tensor Noise(int n, ulong seed = 3)
    {
        var z = new Tensor(new Shape(n, 6));
        new Rng(seed).FillNormal(z.Data);
        return z;
    }

    [Fact]
    public void Every_stage_emits_final_resolution_images_in_tanh_range_and_a_score_per_sample()
    {
        var g = TinyProgressive.Generator();
        var d = TinyProgressive.Discriminator();
        Assert.Equal([1, 8, 8], g.OutputShape);
        Assert.Equal([1, 8, 8], d.InputShape);
        for (int stage = 0; stage < 3; stage++)
        {
            g.SetProgress(stage, 0.5f);
            d.SetProgress(stage, 0.5f);
            var image = g.Generate(Noise(4), null);
            Assert.Equal(new Shape(4, 1, 8, 8), image.Shape);
            Assert.All(image.Data, v => Assert.InRange(v, -1f, 1f));
            Assert.Equal(new Shape(4, 1), d.Score(image, null).Shape);
        }
    }

    [Fact]
    public void Stage_zero_draws_blocky_images_at_its_own_resolution()
    {
        var g = TinyProgressive.Generator();
        g.SetProgress(0, 1f);
        var image = g.Generate(Noise(2), null).Data;
        // 2x2 upsampled by 4: every pixel equals the top-left pixel of its 4x4 cell.
        for (int i = 0; i < image.Length; i++)
        {
            int y = i / 8 % 8, x = i % 8;
            Assert.Equal(image[i / 64 * 64 + y / 4 * 4 * 8 + x / 4 * 4], image[i]);
        }
    }

    [Fact]
    public void A_new_stage_at_alpha_zero_looks_exactly_like_the_previous_stage_fully_grown()
    {
        var g = TinyProgressive.Generator();
        var d = TinyProgressive.Discriminator();
        g.Eval();
        d.Eval();
        var z = Noise(3);
        for (int stage = 1; stage < 3; stage++)
        {
            g.SetProgress(stage - 1, 1f);
            var before = g.Generate(z, null).Clone();
            g.SetProgress(stage, 0f);
            Assert.Equal(before.Data, g.Generate(z, null).Data);

            d.SetProgress(stage - 1, 1f);
            var scoreBefore = d.Score(before, null).Clone();
            d.SetProgress(stage, 0f);
            var scoreAfter = d.Score(before, null);
            // Pooling 8→4→2 instead of 8→2 sums in another order, so allow rounding.
            for (int i = 0; i < 3; i++) Assert.Equal(scoreBefore.Data[i], scoreAfter.Data[i], 4);
        }
    }

    [Theory]
    [InlineData(0, 1f)]
    [InlineData(1, 0.3f)]
    [InlineData(1, 1f)]
    [InlineData(2, 0.7f)]
    public void Exactly_the_active_parameters_receive_gradients(int stage, float alpha)
    {
        var g = TinyProgressive.Generator();
        var d = TinyProgressive.Discriminator();
        g.SetProgress(stage, alpha);
        d.SetProgress(stage, alpha);
        Engine.Backward(Ops.Mean(d.Score(g.Generate(Noise(4), null), null)));
        foreach (var (module, active) in new (Module, IReadOnlyList<Tensor>)[] { (g, g.ActiveParameters()), (d, d.ActiveParameters()) })
            foreach (var p in module.Parameters())
                Assert.Equal(active.Contains(p), p.Grad is not null);
        Assert.True(g.ActiveParameters().Count < g.Parameters().Count || stage == 2 && alpha == 1f);
    }

    [Fact]
    public void State_dict_names_follow_a_module_list_of_blocks_and_heads()
    {
        var names = TinyProgressive.Generator().StateDict().Select(e => e.Name).ToList();
        Assert.Contains("blocks.0.0.weight", names);
        Assert.Contains("blocks.1.2.running_mean", names);
        Assert.Contains("to_image.2.bias", names);
        Assert.Contains("from_image.0.weight", TinyProgressive.Discriminator().StateDict().Select(e => e.Name));
    }

    [Fact]
    public void Stages_that_do_not_chain_are_refused_with_the_compile_time_message()
    {
        var ex = Assert.Throws<ShapeMismatchException>(() => new ProgressiveGenerator(
        [
            new StackBlock([6], [LayerSpec.Linear(16), LayerSpec.Reshape(4, 2, 2)]),
            new StackBlock([3, 2, 2], [LayerSpec.Upsample(2), LayerSpec.Conv2d(3, 3, 1, 1)]),
        ]));
        Assert.Equal("Stage 2 'StackBlock' of progressive generator 'ProgressiveGenerator' takes [3, 2, 2] but stage 1 'StackBlock' outputs [4, 2, 2]; declare StackBlock as [GanBlock(4, 2, 2)]", ex.Message);

        var odd = Assert.Throws<ShapeMismatchException>(() => new ProgressiveDiscriminator(
        [
            new StackBlock([4, 2, 2], [LayerSpec.Flatten(), LayerSpec.Linear(1)]),
            new StackBlock([2, 5, 5], [LayerSpec.Conv2d(4, 4)]),
        ]));
        Assert.Contains("takes [2, 5, 5], which is not the same whole factor of stage 1's [4, 2, 2]", odd.Message);
    }

    [Fact]
    public void A_pair_whose_stage_resolutions_differ_is_refused()
    {
        var d = new ProgressiveDiscriminator(
        [
            new StackBlock([4, 2, 2], [LayerSpec.Flatten(), LayerSpec.Linear(1)]),
            new StackBlock([3, 4, 4], [LayerSpec.MaxPool2d(2), LayerSpec.Conv2d(4, 1)]),
            new StackBlock([2, 16, 16], [LayerSpec.MaxPool2d(4), LayerSpec.Conv2d(3, 1)]),
        ]);
        var ex = Assert.Throws<ArgumentException>(() => new ProgressiveGan(TinyProgressive.Generator(), d, new ProgressiveSchedule(4, 2)));
        Assert.Equal("Stage 3 of the progressive generator draws [1, 8, 8] but stage 3 of the discriminator scores [1, 16, 16]; make each stage's resolution and image channels agree.", ex.Message);
    }

    [Fact]
    public void Discriminator_probability_output_follows_its_first_stage()
    {
        Assert.False(TinyProgressive.Discriminator().OutputsProbability);
        Assert.True(TinyProgressive.Discriminator(sigmoid: true).OutputsProbability);
    }
}

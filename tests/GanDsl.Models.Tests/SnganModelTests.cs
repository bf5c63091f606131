using GanDsl.Shapes;
using GanDsl.Training;

namespace GanDsl.Models.Tests;

/// <summary>The sngan model is what its description says: SNGAN's discriminator, recipe and optimiser on dcgan's generator.</summary>
public class SnganModelTests
{
    [Fact]
    public void Its_recipe_and_config_are_the_hinge_loss_and_adam_with_beta1_zero_and_five_critic_steps()
    {
        Assert.Equal(GanLoss.Hinge, Sngan.Recipe.Loss);
        Assert.Equal(5, Sngan.Recipe.CriticSteps);
        Assert.Equal(DataRange.MinusOneToOne, Sngan.Recipe.DataRange);
        var config = ModelCatalog.Get("sngan").Config;
        Assert.Equal((OptimizerKind.Adam, 2e-4f, 2e-4f, 0f, 0.9f, 0f), (config.Optimizer, config.GeneratorLearningRate,
            config.DiscriminatorLearningRate, config.Beta1, config.Beta2, config.WeightDecay));
        Assert.Equal((GanLoss.Hinge, 5, 64), (config.Loss, config.CriticSteps, config.BatchSize));
        Assert.Empty(config.Validate(new SnganDiscriminator(seed: 1)));
    }

    [Fact]
    public void Every_discriminator_weight_is_spectrally_normalised_and_no_batch_norm_or_sigmoid_is_left()
    {
        var layers = SnganDiscriminator.Summary.Layers;
        var weighted = layers.Where(l => l.Kind == LayerKind.Linear || l.Kind == LayerKind.Conv2d).ToList();
        Assert.Equal(5, weighted.Count);
        Assert.All(weighted, l => Assert.True(l.Get<bool>("spectralNorm"), l.Describe()));
        Assert.DoesNotContain(layers, l => l.Kind == LayerKind.BatchNorm2d || l.Kind == LayerKind.Sigmoid);
        Assert.Equal(["0.bias", "0.weight_orig", "0.weight_u", "0.weight_v"], new SnganDiscriminator(seed: 1).StateDict().Take(4).Select(e => e.Name));
    }

    [Fact]
    public void Its_generator_is_the_dcgan_generator_with_a_bias_on_the_last_layer()
    {
        var sngan = SnganGenerator.Summary.Layers;
        var dcgan = DcganGenerator.Summary.Layers;
        Assert.Equal(dcgan.Count, sngan.Count);
        Assert.Equal(dcgan.Take(dcgan.Count - 2), sngan.Take(sngan.Count - 2));
        Assert.Equal(LayerSpec.ConvTranspose2d(1, 4, 2, 1), sngan[^2]);
    }
}

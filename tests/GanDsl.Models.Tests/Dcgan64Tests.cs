using GanDsl.Nn;
using GanDsl.Shapes;
using GanDsl.Training;

namespace GanDsl.Models.Tests;

/// <summary>
/// dcgan64 against PyTorch's examples/dcgan (main.py with its defaults: nz = 100, ngf = ndf = 64, nc = 3, imageSize 64,
/// batchSize 64 there but 128 in the DCGAN paper and here, lr 0.0002, beta1 0.5, niter 25, BCELoss, weights_init).
/// </summary>
public class Dcgan64Tests
{
    private static readonly ReferenceModel Model = ModelCatalog.Get("dcgan64");

    // main.py's netG.main and netD.main, layer by layer; GanDsl's latent is flat, so G starts by viewing it as nz x 1 x 1.
    private static readonly LayerSpec[] ExampleGenerator =
    [
        LayerSpec.Reshape(100, 1, 1),
        LayerSpec.ConvTranspose2d(512, 4, 1, 0, 0, false), LayerSpec.BatchNorm2d(), LayerSpec.ReLU(),
        LayerSpec.ConvTranspose2d(256, 4, 2, 1, 0, false), LayerSpec.BatchNorm2d(), LayerSpec.ReLU(),
        LayerSpec.ConvTranspose2d(128, 4, 2, 1, 0, false), LayerSpec.BatchNorm2d(), LayerSpec.ReLU(),
        LayerSpec.ConvTranspose2d(64, 4, 2, 1, 0, false), LayerSpec.BatchNorm2d(), LayerSpec.ReLU(),
        LayerSpec.ConvTranspose2d(3, 4, 2, 1, 0, false), LayerSpec.Tanh(),
    ];

    // main.py's D ends in Sigmoid and flattens its 1x1x1 score with view(-1, 1).squeeze(1); here Flatten keeps [N, 1].
    private static readonly LayerSpec[] ExampleDiscriminator =
    [
        LayerSpec.Conv2d(64, 4, 2, 1, false), LayerSpec.LeakyReLU(0.2),
        LayerSpec.Conv2d(128, 4, 2, 1, false), LayerSpec.BatchNorm2d(), LayerSpec.LeakyReLU(0.2),
        LayerSpec.Conv2d(256, 4, 2, 1, false), LayerSpec.BatchNorm2d(), LayerSpec.LeakyReLU(0.2),
        LayerSpec.Conv2d(512, 4, 2, 1, false), LayerSpec.BatchNorm2d(), LayerSpec.LeakyReLU(0.2),
        LayerSpec.Conv2d(1, 4, 1, 0, false), LayerSpec.Flatten(), LayerSpec.Sigmoid(),
    ];

    [Fact]
    public void The_declared_nets_are_the_examples_layer_for_layer_with_dcgan_initialisation()
    {
        var gan = Model.Create(1);
        Assert.Equal(ExampleGenerator, gan.Generator.Architecture!.Layers);
        Assert.Equal(ExampleDiscriminator, gan.Discriminator.Architecture!.Layers);
        Assert.Equal((Init.Dcgan, Init.Dcgan), (gan.Generator.Architecture.Init, gan.Discriminator.Architecture.Init));
        Assert.Equal(100, gan.Generator.LatentDim);
        Assert.Equal([3, 64, 64], Model.GeneratorSummary.OutputShape);
        Assert.Equal([3, 64, 64], gan.Discriminator.InputShape);
        Assert.True(gan.Discriminator.OutputsProbability);
    }

    [Fact]
    public void Parameter_counts_and_shapes_are_pytorchs_in_state_dict_order()
    {
        // PyTorch 1.13: sum(p.numel() for p in netG.parameters()) = 3,576,704 and for netD 2,765,568; ConvTranspose2d weights are [in, out, k, k].
        Assert.Equal(3_576_704, Dcgan64Generator.ParameterCount);
        Assert.Equal(2_765_568, Dcgan64Discriminator.ParameterCount);
        var gan = Model.Create(1);
        Assert.Equal(Dcgan64Generator.ParameterCount, gan.Generator.ParameterElementCount());
        Assert.Equal(Dcgan64Discriminator.ParameterCount, gan.Discriminator.ParameterElementCount());
        Assert.Equal(
            ["1.weight [100, 512, 4, 4]", "2.weight [512]", "2.bias [512]", "4.weight [512, 256, 4, 4]", "5.weight [256]", "5.bias [256]",
             "7.weight [256, 128, 4, 4]", "8.weight [128]", "8.bias [128]", "10.weight [128, 64, 4, 4]", "11.weight [64]", "11.bias [64]",
             "13.weight [64, 3, 4, 4]"],
            gan.Generator.NamedParameters().Select(p => $"{p.Name} {p.Value.Shape}"));
        Assert.Equal(
            ["0.weight [64, 3, 4, 4]", "2.weight [128, 64, 4, 4]", "3.weight [128]", "3.bias [128]", "5.weight [256, 128, 4, 4]", "6.weight [256]", "6.bias [256]",
             "8.weight [512, 256, 4, 4]", "9.weight [512]", "9.bias [512]", "11.weight [1, 512, 4, 4]"],
            gan.Discriminator.NamedParameters().Select(p => $"{p.Name} {p.Value.Shape}"));
    }

    [Fact]
    public void Initial_weights_follow_weights_init_convolutions_n_0_002_batch_norm_n_1_002_and_zero_bias()
    {
        var gan = Model.Create(3);
        foreach (var (name, value) in gan.Generator.NamedParameters().Concat(gan.Discriminator.NamedParameters()))
        {
            var v = value.Data;
            if (name.EndsWith(".bias", StringComparison.Ordinal))
            {
                Assert.All(v, x => Assert.Equal(0f, x));
                continue;
            }
            double expectedMean = value.Shape.Rank == 1 ? 1 : 0; // batch norm weights are 1-d, convolution weights 4-d
            double mean = v.Average(x => (double)x);
            double sd = Math.Sqrt(v.Average(x => (x - mean) * (x - mean)));
            // Within 4 standard errors of N(mean, 0.02) for the tensor's size (the smallest has 64 values).
            Assert.True(Math.Abs(mean - expectedMean) < 4 * 0.02 / Math.Sqrt(v.Length), $"{name}: mean {mean}");
            Assert.True(Math.Abs(sd - 0.02) < 4 * 0.02 / Math.Sqrt(2.0 * v.Length), $"{name}: standard deviation {sd}");
        }
    }

    [Fact]
    public void The_recipe_is_main_pys_adam_2e_4_beta1_half_bce_with_real_label_1_batch_128_on_emoji_in_minus_one_to_one()
    {
        var config = Model.Config;
        Assert.Equal(OptimizerKind.Adam, config.Optimizer);
        Assert.Equal((2e-4f, 2e-4f), (config.GeneratorLearningRate, config.DiscriminatorLearningRate));
        Assert.Equal((0.5f, 0.999f), (config.Beta1, config.Beta2));
        Assert.Equal(0f, config.WeightDecay);
        Assert.Equal(128, config.BatchSize);
        Assert.Equal(25, config.Epochs); // niter
        Assert.Equal(GanLoss.NonSaturating, config.Loss); // BCELoss; G is trained on the real label
        Assert.Equal(1f, config.LabelSmoothing); // real_label = 1
        Assert.Equal((1, 0f, 0f, 0f), (config.CriticSteps, config.GradientPenaltyWeight, config.R1Weight, config.EmaDecay));
        Assert.Equal(DataRange.MinusOneToOne, Dcgan64.Recipe.DataRange); // Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5))
        Assert.Equal("emoji", Model.Dataset);
        Assert.Empty(config.Validate(Model.Create(1)));
    }
}

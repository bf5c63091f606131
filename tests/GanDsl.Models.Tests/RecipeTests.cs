using GanDsl.Nn;
using GanDsl.Training;

namespace GanDsl.Models.Tests;

/// <summary>
/// Each example's recipe against the values its seed tutorial states (docs/pytorch-twins.md lists the sources, and every
/// value where the example still differs and why): the catalog's <see cref="TrainingConfig"/> and the declared nets.
/// dcgan64's recipe, PyTorch's examples/dcgan, is checked layer by layer and value by value in <see cref="Dcgan64Tests"/>.
/// </summary>
public class RecipeTests
{
    private static (ReferenceModel Model, IGan Gan) Load(string name)
    {
        var model = ModelCatalog.Get(name);
        return (model, model.Create(1));
    }

    private static string[] Layers(Module net) => net.Architecture!.Layers.Select(l => l.Describe()).ToArray();

    private static void AssertOptimizer(TrainingConfig c, OptimizerKind kind, float lr, float beta1, float beta2, float weightDecay)
    {
        Assert.Equal(kind, c.Optimizer);
        Assert.Equal(lr, c.GeneratorLearningRate);
        Assert.Equal(lr, c.DiscriminatorLearningRate);
        Assert.Equal((beta1, beta2), (c.Beta1, c.Beta2));
        Assert.Equal(weightDecay, c.WeightDecay);
    }

    [Fact]
    public void Lightning_cnn_has_the_tutorials_nets_adam_defaults_and_mnist_normalisation()
    {
        var (model, gan) = Load("lightning-cnn");
        var c = model.Config;
        AssertOptimizer(c, OptimizerKind.Adam, 2e-4f, 0.9f, 0.999f, 0f);
        Assert.Equal(new DataNormalization(0.1307f, 0.3081f), c.Normalization);
        Assert.Null(c.DataRange);
        Assert.Equal(128, c.BatchSize);
        Assert.Equal(20, c.EffectiveEpochs);
        Assert.Equal(1f, c.LabelSmoothing);
        Assert.Equal(GanLoss.NonSaturating, c.Loss);
        Assert.Equal("mnist", model.Dataset);
        Assert.Equal(100, gan.Generator.LatentDim);
        Assert.Equal(
            ["Linear(3136)", "ReLU", "Reshape(64, 7, 7)", "ConvTranspose2d(32, 4, 2)", "ReLU", "ConvTranspose2d(16, 4, 2)", "ReLU", "Conv2d(1, 7)"],
            Layers(gan.Generator));
        // conv2_drop is Dropout2d (whole channels), the hidden layer's F.dropout element-wise; both p = 0.5.
        Assert.Equal(
            ["Conv2d(10, 5)", "MaxPool2d(2)", "ReLU", "Conv2d(20, 5)", "Dropout2d(0.5)", "MaxPool2d(2)", "ReLU", "Flatten",
             "Linear(50)", "ReLU", "Dropout(0.5)", "Linear(1)", "Sigmoid"],
            Layers(gan.Discriminator));
        Assert.Equal(Init.PyTorchDefault, gan.Generator.Architecture!.Init);
    }

    [Fact]
    public void Mnist_mlp_smooths_real_labels_to_0_9_and_scores_logits()
    {
        var (model, gan) = Load("mnist-mlp");
        Assert.Equal(0.9f, model.Config.LabelSmoothing);
        Assert.False(gan.Discriminator.OutputsProbability); // no Sigmoid: the loop uses BCE-with-logits
        Assert.Equal("Linear(1)", Layers(gan.Discriminator)[^1]);
        Assert.Equal(GanLoss.NonSaturating, model.Config.Loss);
        Assert.Equal(100, gan.Generator.LatentDim);
        Assert.Equal("mnist", model.Dataset);
    }

    [Fact]
    public void Vanilla_is_the_articles_mlp_gan_at_batch_128_with_adamw()
    {
        var (model, gan) = Load("vanilla");
        var c = model.Config;
        AssertOptimizer(c, OptimizerKind.AdamW, 2e-4f, 0.5f, 0.999f, 1e-5f);
        Assert.Equal(128, c.BatchSize);
        Assert.Equal(100, gan.Generator.LatentDim);
        Assert.Equal(Init.Dcgan, gan.Generator.Architecture!.Init);
        Assert.Equal(Init.Dcgan, gan.Discriminator.Architecture!.Init);
        Assert.Equal(["Linear(256)", "LeakyReLU(0.2)", "Linear(512)", "LeakyReLU(0.2)", "Linear(1024)", "LeakyReLU(0.2)", "Linear(784)", "Tanh", "Reshape(1, 28, 28)"],
            Layers(gan.Generator));
        Assert.Equal(["Flatten", "Linear(512)", "LeakyReLU(0.2)", "Dropout(0.3)", "Linear(256)", "LeakyReLU(0.2)", "Dropout(0.3)",
                      "Linear(128)", "LeakyReLU(0.2)", "Dropout(0.3)", "Linear(1)", "Sigmoid"],
            Layers(gan.Discriminator));
    }

    [Fact]
    public void Dcgan_trains_at_the_articles_batch_128_with_its_latent_128()
    {
        // The article sets NOISE_DIM = 128 before training (its class default of 100 is overridden) and batch 128.
        var (model, gan) = Load("dcgan");
        var c = model.Config;
        AssertOptimizer(c, OptimizerKind.AdamW, 2e-4f, 0.5f, 0.999f, 1e-5f);
        Assert.Equal(128, c.BatchSize);
        Assert.Equal(128, gan.Generator.LatentDim);
        Assert.Equal(Init.Dcgan, gan.Generator.Architecture!.Init);
        Assert.Equal("fashion-mnist", model.Dataset);
    }

    [Fact]
    public void Cgan_wide_is_cgan_planes_with_every_hidden_layer_twice_as_wide_and_the_same_recipe()
    {
        var (narrow, narrowGan) = Load("cgan-planes");
        var (wide, wideGan) = Load("cgan-wide");
        Assert.Equal(narrow.Config, wide.Config);
        Assert.Equal(32, wide.Config.BatchSize);
        Assert.Equal(narrow.Dataset, wide.Dataset);
        Assert.Equal((narrowGan.Generator.LatentDim, narrowGan.Generator.Classes), (wideGan.Generator.LatentDim, wideGan.Generator.Classes));
        // Every layer the same except the hidden widths, which double (the image's one channel and D's one score stay).
        static string Doubled(string layer) => System.Text.RegularExpressions.Regex.Replace(layer, @"^(Conv(?:Transpose)?2d\()(\d+)",
            m => m.Groups[2].Value == "1" ? m.Value : m.Groups[1].Value + (2 * int.Parse(m.Groups[2].Value)));
        Assert.Equal(Layers(narrowGan.Generator).Select(Doubled), Layers(wideGan.Generator));
        Assert.Equal(Layers(narrowGan.Discriminator).Select(Doubled), Layers(wideGan.Discriminator));
        Assert.Contains("ConvTranspose2d(256", Layers(wideGan.Generator)[1]);
    }

    [Fact]
    public void Cgan_is_cgan_planes_with_a_class_head_and_the_same_recipe()
    {
        var (planes, planesGan) = Load("cgan-planes");
        var (cgan, cganGan) = Load("cgan");
        Assert.Equal(planes.Config, cgan.Config);
        Assert.Equal(32, cgan.Config.BatchSize);
        Assert.Equal(planes.Dataset, cgan.Dataset);
        Assert.Equal(Layers(planesGan.Generator), Layers(cganGan.Generator));
        Assert.Equal(planesGan.Generator.Architecture!.Conditioning, cganGan.Generator.Architecture!.Conditioning);

        var d = cganGan.Discriminator;
        Assert.Equal(LabelConditioning.OneHotPlanesAndClassifier, d.Architecture!.Conditioning);
        Assert.True(d.ClassifiesSamples);
        Assert.False(planesGan.Discriminator.ClassifiesSamples);
        Assert.Equal(planesGan.Discriminator.Classes, d.Classes);
        Assert.Equal(planesGan.Discriminator.Architecture!.StackInput, d.Architecture.StackInput); // the image and ten label planes
        // The plane-only convolutions, then Flatten and Linear(1) in place of the last Conv2d(1, 4) on the 4x4 features: the
        // same map with the same 2048 weights, whose input the class head reads.
        var planesD = Layers(planesGan.Discriminator);
        Assert.Equal(planesD[..^3], Layers(d)[..^3]);
        Assert.Equal(new[] { "Conv2d(1, 4, Bias = false)", "Flatten", "Sigmoid" }, planesD[^3..]);
        Assert.Equal(new[] { "Flatten", "Linear(1, Bias = false)", "Sigmoid" }, Layers(d)[^3..]);
        Assert.Equal(128 * 4 * 4, d.Architecture.LayerInput(d.Architecture.ClassifierHead)[0]);
        Assert.Equal(planesGan.Discriminator.Parameters().Sum(p => (long)p.Size) + 2048 * 10 + 10, d.Parameters().Sum(p => (long)p.Size));
    }
}

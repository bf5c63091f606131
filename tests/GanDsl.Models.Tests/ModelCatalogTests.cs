using GanDsl.Autograd;
using GanDsl.Nn.Optimizers;
using GanDsl.Nn.Progressive;
using GanDsl.Tensors;

namespace GanDsl.Models.Tests;

public class ModelCatalogTests
{
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var m in ModelCatalog.All) data.Add(m.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_model_runs_a_training_step_with_the_shapes_its_summary_promises(string name)
    {
        var model = ModelCatalog.Get(name);
        var gan = model.Create(7);
        var g = gan.Generator;
        var d = gan.Discriminator;
        const int batch = 4;
        var z = new Tensor(new Shape(batch, g.LatentDim));
        new Rng(1).FillNormal(z.Data);
        int[]? labels = g.Classes > 0 ? new[] { 0, 1, 2, 3 } : null;

        var fake = g.Generate(z, labels);
        Assert.Equal(new[] { batch }.Concat(model.GeneratorSummary.OutputShape), fake.Shape.ToArray());
        // A conditional discriminator's summary starts from its label-augmented input; the others from the image itself.
        if (d.Classes == 0) Assert.Equal(model.DiscriminatorSummary.InputShape, d.InputShape);
        Assert.Equal(model.GeneratorSummary.OutputShape, d.InputShape);
        var score = d.Score(fake, labels);
        Assert.Equal(new Shape(batch, 1), score.Shape);

        var target = Tensor.Full(1f, batch, 1);
        var loss = d.OutputsProbability ? Ops.BinaryCrossEntropy(score, target) : Ops.BinaryCrossEntropyWithLogits(score, target);
        Assert.True(float.IsFinite(loss.Item()));
        var optimizer = new Adam(g.Parameters(), 1e-3f);
        Engine.Backward(loss);
        // A progressive generator uses only its current stage's parameters.
        Assert.All(g is ProgressiveGenerator pg ? pg.ActiveParameters() : g.Parameters(), p => Assert.NotNull(p.Grad));
        optimizer.Step();
    }

    [Fact]
    public void Parameter_counts_of_the_compile_time_summary_equal_the_allocated_parameters()
    {
        foreach (var m in ModelCatalog.All)
        {
            var gan = m.Create(1);
            long embedding = gan.Generator.Classes > 0 ? (long)gan.Generator.Classes * gan.Generator.Classes : 0;
            // A progressive summary shows the fully grown path; the earlier stages' to-image heads come on top.
            long heads = gan.Generator is ProgressiveGenerator pg
                ? pg.Blocks.Take(pg.StageCount - 1).Sum(b => GanDsl.Shapes.ProgressiveChain.HeadParameters(b.OutputShape[0], pg.ImageChannels)) : 0;
            Assert.Equal(m.GeneratorSummary.TotalParams + embedding + heads, gan.Generator.ParameterElementCount());
        }
    }

    [Fact]
    public void An_unknown_model_name_lists_the_known_ones()
    {
        var ex = Assert.Throws<ArgumentException>(() => ModelCatalog.Get("nope"));
        Assert.Contains("dcgan", ex.Message);
        Assert.Contains("gandsl models", ex.Message);
    }

    [Fact]
    public void What_the_CLI_treats_specially_comes_from_the_catalog_entry()
    {
        var sevenBit = ModelCatalog.Get("seven-bit");
        var data = Assert.IsType<SevenBitData>(sevenBit.GeneratedData!());
        Assert.Equal(sevenBit.GeneratorSummary.OutputShape, data.SampleShape);
        Assert.Equal(1000, sevenBit.Evaluation!.DefaultSamples);
        Assert.All(ModelCatalog.All.Where(m => m.Name != "seven-bit"), m => Assert.Null(m.GeneratedData));
        Assert.All(ModelCatalog.All.Where(m => m.Name != "seven-bit"), m => Assert.Null(m.Evaluation));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_model_trains_with_its_pairs_declared_recipe_and_passes_its_checks(string name)
    {
        var model = ModelCatalog.Get(name);
        var gan = model.Create(1);

        Assert.Empty(model.Config.Validate(gan));
        if (gan.Recipe is not { } recipe) return; // the progressive GAN is not a [Gan<G, D>] pair
        Assert.Equal(model.Config, model.Config.WithRecipe(recipe));
        // The data sets GanDsl serves are scaled to [-1, 1]; the seven-bit data is bits of 0 and 1; lightning-cnn's MNIST is
        // normalised (mean 0, std 1), which no declared range describes.
        var expected = name switch { "seven-bit" => DataRange.ZeroToOne, "lightning-cnn" => (DataRange?)null, _ => DataRange.MinusOneToOne };
        Assert.Equal(expected, recipe.DataRange);
        Assert.Equal(name == "lightning-cnn", model.Config.Normalization is not null);
    }

    [Fact]
    public void The_seven_bit_data_is_in_the_range_its_pair_declares()
    {
        var data = new SevenBitData();
        var samples = new float[data.Count * 7];
        data.CopyBatch(Enumerable.Range(0, data.Count).ToArray(), samples, new int[data.Count]);

        Assert.Equal(DataRange.ZeroToOne, SevenBitGan.Recipe.DataRange);
        Assert.All(samples, v => Assert.True(v is 0f or 1f));
    }

    [Fact]
    public void Former_names_find_their_model_and_former_designs_are_catalog_models_with_other_discriminator_weights()
    {
        Assert.Same(ModelCatalog.Get("cgan"), ModelCatalog.Find("cgan-classifier"));
        var names = ModelCatalog.All.Select(m => m.Name).ToHashSet();
        Assert.All(ModelCatalog.All.SelectMany(m => m.FormerNames), former => Assert.DoesNotContain(former, names));
        foreach (var model in ModelCatalog.All)
            foreach (var former in model.FormerDesigns.Select(ModelCatalog.Get))
            {
                // A resume tells the designs apart by the discriminator weights a checkpoint holds.
                static string[] Names(ReferenceModel m) => m.Create(1).Discriminator.StateDict().Select(e => e.Name).Order().ToArray();
                Assert.NotEqual(Names(model), Names(former));
                Assert.Equal(model.GeneratorSummary.Layers, former.GeneratorSummary.Layers);
            }
        Assert.Equal(["cgan-planes"], ModelCatalog.Get("cgan").FormerDesigns);
    }
}

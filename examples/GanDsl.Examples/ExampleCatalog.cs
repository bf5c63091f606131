using GanDsl.Nn;
using GanDsl.Shapes;
using GanDsl.Training;

namespace GanDsl.Examples;

/// <summary>
/// One reference GAN as the CLI knows it: its nets' compile-time summaries, a factory, and the training settings of the
/// tutorial it comes from (<see cref="TrainingConfig.Default"/> with the tutorial's changes).
/// </summary>
public sealed record ExampleModel(string Name, string Dataset, string Description,
    ModelSummary GeneratorSummary, ModelSummary DiscriminatorSummary, Func<ulong, IGan> Create)
{
    public TrainingConfig Config { get; init; } = TrainingConfig.Default;

    /// <summary>The dataset name of examples whose data is generated in code rather than read from files.</summary>
    public const string GeneratedData = "seven-bit";
}

/// <summary>The reference GANs registered under their CLI names.</summary>
public static class ExampleCatalog
{
    public static IReadOnlyList<ExampleModel> All { get; } = new[]
    {
        new ExampleModel("seven-bit", "seven-bit", "Toy GAN emitting 7-bit even numbers: linear+sigmoid G, logistic-regression D",
            SevenBitGenerator.Summary, SevenBitDiscriminator.Summary, seed => new SevenBitGan(seed))
        {
            Config = TrainingConfig.Default with
            {
                Epochs = 20, BatchSize = 64, Optimizer = OptimizerKind.Adam, WeightDecay = 0f,
                GeneratorLearningRate = 5e-3f, DiscriminatorLearningRate = 5e-3f, LogIntervalSteps = 20, CheckpointIntervalSteps = 0, SampleCount = 16,
            },
        },
        new ExampleModel("mnist-mlp", "mnist", "MLP GAN with a logit D, BCE-with-logits and label smoothing 0.9",
            MnistMlpGenerator.Summary, MnistMlpDiscriminator.Summary, seed => new MnistMlpGan(seed))
        {
            Config = TrainingConfig.Default with { LabelSmoothing = 0.9f },
        },
        new ExampleModel("lightning-cnn", "mnist", "Lightning tutorial's CNN GAN (conv D with max pooling, transposed-conv G), Adam",
            LightningCnnGenerator.Summary, LightningCnnDiscriminator.Summary, seed => new LightningCnnGan(seed))
        {
            Config = TrainingConfig.Default with { Optimizer = OptimizerKind.Adam, WeightDecay = 0f },
        },
        new ExampleModel("vanilla", "fashion-mnist", "MLP GAN 100-256-512-1024-784 / 784-512-256-128-1 (the bench's mlp-gan)",
            VanillaGenerator.Summary, VanillaDiscriminator.Summary, seed => new VanillaGan(seed)),
        new ExampleModel("dcgan", "fashion-mnist", "DCGAN for 28x28x1, latent 128, ngf = ndf = 32 (the bench's dcgan)",
            DcganGenerator.Summary, DcganDiscriminator.Summary, seed => new Dcgan(seed))
        {
            Config = TrainingConfig.Default with { BatchSize = 32 },
        },
        new ExampleModel("cgan", "fashion-mnist", "Conditional DCGAN on the dataset's labels (label embedding into G, one-hot label planes into D)",
            CganGenerator.Summary, CganDiscriminator.Summary, seed => new Cgan(seed))
        {
            Config = TrainingConfig.Default with { BatchSize = 32 },
        },
        new ExampleModel("progressive", "fashion-mnist", "Progressive GAN growing 7x7 -> 14x14 -> 28x28, each new block faded in over 750 of its 1500 steps",
            ProgressiveGenerator28.Summary, ProgressiveDiscriminator28.Summary, seed => new ProgressiveFashionGan(seed)),
    };

    public static ExampleModel? Find(string name) => All.FirstOrDefault(m => m.Name == name);

    public static ExampleModel Get(string name) =>
        Find(name) ?? throw new ArgumentException($"Unknown model '{name}'; run 'gandsl models' to list them ({string.Join(", ", All.Select(m => m.Name))}).");
}

using GanDsl.Training;

namespace GanDsl.Models;

/// <summary>The reference GANs registered under their CLI names.</summary>
public static class ModelCatalog
{
    public static IReadOnlyList<ReferenceModel> All { get; } = new[]
    {
        new ReferenceModel("seven-bit", "seven-bit", "Toy GAN emitting 7-bit even numbers: linear+sigmoid G, logistic-regression D",
            SevenBitGenerator.Summary, SevenBitDiscriminator.Summary, seed => new SevenBitGan(seed))
        {
            Config = SevenBitGan.DefaultConfig with
            {
                Epochs = 20, BatchSize = 64, Optimizer = OptimizerKind.Adam, WeightDecay = 0f,
                GeneratorLearningRate = 5e-3f, DiscriminatorLearningRate = 5e-3f, LogIntervalSteps = 20, CheckpointIntervalSteps = 0, SampleCount = 16,
            },
            GeneratedData = () => new SevenBitData(),
            Evaluation = SevenBitEvaluation.Measure,
        },
        new ReferenceModel("mnist-mlp", "mnist", "MLP GAN with a logit D, BCE-with-logits and label smoothing 0.9",
            MnistMlpGenerator.Summary, MnistMlpDiscriminator.Summary, seed => new MnistMlpGan(seed))
        {
            Config = MnistMlpGan.DefaultConfig with { LabelSmoothing = 0.9f },
            BenchName = "mnist-mlp",
        },
        new ReferenceModel("lightning-cnn", "mnist", "Lightning tutorial's CNN GAN (conv D with max pooling and Dropout2d, transposed-conv G), Adam, MNIST normalised",
            LightningCnnGenerator.Summary, LightningCnnDiscriminator.Summary, seed => new LightningCnnGan(seed))
        {
            // The tutorial's values: Adam with PyTorch's default betas and no weight decay, lr 2e-4, batch 128, 20 epochs,
            // MNIST through Normalize((0.1307,), (0.3081,)).
            Config = LightningCnnGan.DefaultConfig with
            {
                Optimizer = OptimizerKind.Adam, Beta1 = 0.9f, Beta2 = 0.999f, WeightDecay = 0f, Normalization = DataNormalization.Mnist,
            },
            BenchName = "lightning-cnn",
        },
        new ReferenceModel("vanilla", "fashion-mnist", "MLP GAN 100-256-512-1024-784 / 784-512-256-128-1 (the bench's mlp-gan)",
            VanillaGenerator.Summary, VanillaDiscriminator.Summary, seed => new VanillaGan(seed))
        {
            Config = VanillaGan.DefaultConfig,
            BenchName = "mlp-gan",
        },
        new ReferenceModel("dcgan", "fashion-mnist", "DCGAN for 28x28x1, latent 128, ngf = ndf = 32 (the bench's dcgan)",
            DcganGenerator.Summary, DcganDiscriminator.Summary, seed => new Dcgan(seed))
        {
            // The article's batch of 128 (TrainingConfig's default); `--batch-size 32` is the README's quick first picture.
            Config = Dcgan.DefaultConfig,
            BenchName = "dcgan",
        },
        new ReferenceModel("dcgan64", "emoji", "PyTorch examples/dcgan for 64x64 colour: latent 100, ngf = ndf = 64, Adam 2e-4 (beta1 0.5), BCE",
            Dcgan64Generator.Summary, Dcgan64Discriminator.Summary, seed => new Dcgan64(seed))
        {
            // main.py's settings: Adam (no weight decay), batch 128, 25 epochs; checkpoints every ~3 emoji epochs, as a CPU epoch takes minutes.
            Config = Dcgan64.DefaultConfig with { Epochs = 25, Optimizer = OptimizerKind.Adam, WeightDecay = 0f, CheckpointIntervalSteps = 100 },
            BenchName = "dcgan64",
        },
        new ReferenceModel("cgan", "fashion-mnist", "Conditional DCGAN on the dataset's labels (label embedding into G, one-hot label planes into D, and a class head in D that must name the class from the image alone)",
            CganGenerator.Summary, CganDiscriminator.Summary, seed => new Cgan(seed))
        {
            Config = Cgan.DefaultConfig with { BatchSize = 32 },
            BenchName = "cgan",
            FormerNames = ["cgan-classifier"],
            FormerDesigns = ["cgan-planes"], // cgan until 2026-12-04
        },
        new ReferenceModel("cgan-planes", "fashion-mnist", "cgan without its class head: D scores the image beside one-hot label planes only (cgan until issue 16)",
            CganGenerator.Summary, CganPlanesDiscriminator.Summary, seed => new CganPlanes(seed))
        {
            Config = CganPlanes.DefaultConfig with { BatchSize = 32 },
        },
        new ReferenceModel("cgan-wide", "fashion-mnist", "cgan-planes with twice the channels (ngf = ndf = 64): draws each class more distinctly, about 3.5x its step time",
            CganWideGenerator.Summary, CganWideDiscriminator.Summary, seed => new CganWide(seed))
        {
            Config = CganWide.DefaultConfig with { BatchSize = 32 },
        },
        new ReferenceModel("sngan", "fashion-mnist", "SNGAN-style: the dcgan generator, a spectral-norm discriminator, hinge loss, Adam (2e-4, 0.0, 0.9), 5 critic steps",
            SnganGenerator.Summary, SnganDiscriminator.Summary, seed => new Sngan(seed))
        {
            Config = Sngan.DefaultConfig with { Optimizer = OptimizerKind.Adam, Beta1 = 0f, Beta2 = 0.9f, WeightDecay = 0f, BatchSize = 64 },
        },
        new ReferenceModel("progressive", "fashion-mnist", "Progressive GAN growing 7x7 -> 14x14 -> 28x28, each new block faded in over 750 of its 1500 steps",
            ProgressiveGenerator28.Summary, ProgressiveDiscriminator28.Summary, seed => new ProgressiveFashionGan(seed)),
    };

    /// <summary>The model of that name, or of that former name (<see cref="ReferenceModel.FormerNames"/>); null if none.</summary>
    public static ReferenceModel? Find(string name) =>
        All.FirstOrDefault(m => m.Name == name) ?? All.FirstOrDefault(m => m.FormerNames.Contains(name));

    public static ReferenceModel Get(string name) =>
        Find(name) ?? throw new ArgumentException($"Unknown model '{name}'; run 'gandsl models' to list them ({string.Join(", ", All.Select(m => m.Name))}).");
}

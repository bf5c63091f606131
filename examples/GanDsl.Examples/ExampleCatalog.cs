using GanDsl.Nn;
using GanDsl.Shapes;

namespace GanDsl.Examples;

/// <summary>One reference GAN as the CLI knows it: its nets' compile-time summaries and a factory.</summary>
public sealed record ExampleModel(string Name, string Dataset, string Description,
    ModelSummary GeneratorSummary, ModelSummary DiscriminatorSummary, Func<ulong, IGan> Create);

/// <summary>The reference GANs registered under their CLI names.</summary>
public static class ExampleCatalog
{
    public static IReadOnlyList<ExampleModel> All { get; } = new[]
    {
        new ExampleModel("vanilla", "fashion-mnist", "MLP GAN 100-256-512-1024-784 / 784-512-256-128-1 (the bench's mlp-gan)",
            VanillaGenerator.Summary, VanillaDiscriminator.Summary, seed => new VanillaGan(seed)),
        new ExampleModel("dcgan", "fashion-mnist", "DCGAN for 28x28x1, latent 128, ngf = ndf = 32 (the bench's dcgan)",
            DcganGenerator.Summary, DcganDiscriminator.Summary, seed => new Dcgan(seed)),
    };

    public static ExampleModel? Find(string name) => All.FirstOrDefault(m => m.Name == name);

    public static ExampleModel Get(string name) =>
        Find(name) ?? throw new ArgumentException($"Unknown model '{name}'; run 'gandsl models' to list them ({string.Join(", ", All.Select(m => m.Name))}).");
}

using GanDsl.Nn;

namespace GanDsl.Cli.Bench;

/// <summary>
/// The two peer models of ../shared/bench/torch_gan_step.py, layer for layer: the MLP GAN (the vanilla example's pair)
/// and the DCGAN for 28x28x1.
/// </summary>
internal static class BenchModels
{
    public sealed record Pair(string Name, int LatentDim, Module Generator, Module Discriminator);

    public static readonly string[] Names = { "mlp-gan", "dcgan" };

    public static Pair Create(string name) => name switch
    {
        "mlp-gan" => new Pair(name, 100,
            new Sequential(new Linear(100, 256), new LeakyReLU(0.2), new Linear(256, 512), new LeakyReLU(0.2),
                new Linear(512, 1024), new LeakyReLU(0.2), new Linear(1024, 784), new Tanh(), new Reshape(1, 28, 28)),
            new Sequential(new Flatten(), new Linear(784, 512), new LeakyReLU(0.2), new Dropout(0.3),
                new Linear(512, 256), new LeakyReLU(0.2), new Dropout(0.3),
                new Linear(256, 128), new LeakyReLU(0.2), new Dropout(0.3), new Linear(128, 1), new Sigmoid())),
        "dcgan" => new Pair(name, 128,
            new Sequential(new Reshape(128, 1, 1),
                new ConvTranspose2d(128, 128, 4, 1, 0, bias: false), new BatchNorm2d(128), new ReLU(),
                new ConvTranspose2d(128, 64, 3, 2, 1, bias: false), new BatchNorm2d(64), new ReLU(),
                new ConvTranspose2d(64, 32, 4, 2, 1, bias: false), new BatchNorm2d(32), new ReLU(),
                new ConvTranspose2d(32, 1, 4, 2, 1, bias: false), new Tanh()),
            new Sequential(
                new Conv2d(1, 32, 4, 2, 1, bias: false), new BatchNorm2d(32), new LeakyReLU(0.2),
                new Conv2d(32, 64, 4, 2, 1, bias: false), new BatchNorm2d(64), new LeakyReLU(0.2),
                new Conv2d(64, 128, 3, 2, 1, bias: false), new BatchNorm2d(128), new LeakyReLU(0.2),
                new Conv2d(128, 1, 4, 1, 0, bias: false), new Sigmoid(), new Flatten())),
        _ => throw new ArgumentException($"Unknown benchmark model '{name}'; choose one of: {string.Join(", ", Names)}."),
    };
}

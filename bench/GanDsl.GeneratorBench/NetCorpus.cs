using System.Globalization;

namespace GanDsl.GeneratorBench;

/// <summary>A synthetic project: one file per net, alternating MLP generators and conv discriminators of varying widths.</summary>
internal static class NetCorpus
{
    public static string Net(int index, int variant = 0)
    {
        var width = (16 * (1 + index % 8) + variant).ToString(CultureInfo.InvariantCulture);
        var name = $"Net{index.ToString("D3", CultureInfo.InvariantCulture)}";
        return index % 2 == 0
            ? $$"""
                using GanDsl;
                namespace Bench;

                [GanGenerator(LatentDim = 64)]
                [Linear({{width}}), LeakyReLU(0.2)]
                [Linear(256), BatchNorm1d, ReLU]
                [Linear(784), Tanh]
                [Reshape(1, 28, 28)]
                public partial class {{name}};
                """
            : $$"""
                using GanDsl;
                namespace Bench;

                [GanDiscriminator(1, 28, 28)]
                [Conv2d({{width}}, 4, 2, 1), LeakyReLU(0.2), Dropout(0.3)]
                [Conv2d(64, 4, 2, 1), BatchNorm2d, LeakyReLU(0.2)]
                [Flatten]
                [Linear(1), Sigmoid]
                public partial class {{name}};
                """;
    }
}

namespace GanDsl.Generators.Tests.Support;

/// <summary>Representative declarations used by snapshot, compile and caching tests.</summary>
internal static class SampleNets
{
    public const string Vanilla = """
        using GanDsl;
        namespace Samples;

        [GanGenerator(LatentDim = 100)]
        [Linear(256), LeakyReLU(0.2)]
        [Linear(512), LeakyReLU(0.2)]
        [Linear(1024), LeakyReLU(0.2)]
        [Linear(784), Tanh]
        [Reshape(1, 28, 28)]
        public partial class VanillaGenerator;

        [GanDiscriminator(1, 28, 28)]
        [Flatten]
        [Linear(512), LeakyReLU(0.2), Dropout(0.3)]
        [Linear(256), LeakyReLU(0.2), Dropout(0.3)]
        [Linear(128), LeakyReLU(0.2), Dropout(0.3)]
        [Linear(1), Sigmoid]
        public partial class VanillaDiscriminator;

        [Gan<VanillaGenerator, VanillaDiscriminator>]
        public partial class VanillaGan;
        """;

    public const string Dcgan = """
        using GanDsl;
        namespace Samples;

        [GanGenerator(LatentDim = 100, Init = Init.Dcgan)]
        [Reshape(100, 1, 1)]
        [ConvTranspose2d(256, 7, 1, 0, Bias = false), BatchNorm2d, ReLU]
        [ConvTranspose2d(128, 4, 2, 1, Bias = false), BatchNorm2d, ReLU]
        [ConvTranspose2d(1, 4, 2, 1, Bias = false), Tanh]
        public partial class DcganGenerator;

        [GanDiscriminator(1, 28, 28, Init = Init.Dcgan)]
        [Conv2d(64, 4, 2, 1, Bias = false), LeakyReLU(0.2)]
        [Conv2d(128, 4, 2, 1, Bias = false), BatchNorm2d, LeakyReLU(0.2)]
        [Conv2d(1, 7, 1, 0, Bias = false), Flatten, Sigmoid]
        public partial class DcganDiscriminator;

        [Gan<DcganGenerator, DcganDiscriminator>]
        public partial class Dcgan;
        """;

    public const string Conditional = """
        using GanDsl;
        namespace Samples.Conditional;

        [GanGenerator(LatentDim = 64, Classes = 10)]
        [Linear(128), BatchNorm1d, ReLU]
        [Linear(7 * 7 * 16), ReLU, Reshape(16, 7, 7)]
        [Upsample(2), Conv2d(8, 3, 1, 1), ReLU]
        [Upsample(2), Conv2d(1, 3, 1, 1), Sigmoid]
        public partial class CondGenerator;

        [GanDiscriminator(1, 28, 28, Classes = 10)]
        [Conv2d(16, 3, 1, 1), LeakyReLU(0.2), MaxPool2d(2)]
        [Conv2d(32, 3, 1, 1), LeakyReLU(0.2), MaxPool2d(2)]
        [Flatten, Linear(1)]
        public partial class CondPlanesDiscriminator;

        [GanDiscriminator(1, 28, 28, Classes = 10)]
        [Flatten]
        [Linear(256), LeakyReLU(0.2)]
        [Linear(1), Sigmoid]
        public partial class CondFlatDiscriminator;

        [Gan<CondGenerator, CondPlanesDiscriminator>]
        public partial class CondGan;
        """;

    /// <summary>The label terms of issue 19: an SNGAN-style projection discriminator and a conditional batch norm generator.</summary>
    public const string LabelTerms = """
        using GanDsl;
        namespace Samples.Projection;

        [GanGenerator(LatentDim = 32, Classes = 10, Conditioning = LabelConditioning.ConditionalBatchNorm)]
        [Linear(7 * 7 * 16), BatchNorm1d, ReLU, Reshape(16, 7, 7)]
        [ConvTranspose2d(8, 4, 2, 1), BatchNorm2d, ReLU]
        [ConvTranspose2d(1, 4, 2, 1), Tanh]
        public partial class CbnGenerator;

        [GanDiscriminator(1, 28, 28, Classes = 10, Conditioning = LabelConditioning.Projection)]
        [Conv2d(16, 4, 2, 1, SpectralNorm = true), LeakyReLU(0.1)]
        [Conv2d(32, 4, 2, 1, SpectralNorm = true), LeakyReLU(0.1)]
        [Flatten, Linear(1, SpectralNorm = true)]
        public partial class ProjectionDiscriminator;

        [Gan<CbnGenerator, ProjectionDiscriminator>]
        public partial class ProjectionGan;
        """;

    public const string Progressive = """
        using GanDsl;
        namespace Samples.Growing;

        [GanBlock(8)] [Linear(32), LeakyReLU(0.2), Reshape(8, 2, 2)] public partial class G2;
        [GanBlock(8, 2, 2)] [Upsample(2), Conv2d(4, 3, 1, 1), BatchNorm2d, LeakyReLU(0.2)] public partial class G4;
        [ProgressiveGenerator(typeof(G2), typeof(G4), ImageChannels = 3)] public partial class PG;
        """;
}

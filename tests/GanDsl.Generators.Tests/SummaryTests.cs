using GanDsl.Generators.Tests.Support;
using GanDsl.Shapes;

namespace GanDsl.Generators.Tests;

/// <summary>
/// Summary tables against approved snapshots. Each reproduces in PyTorch (torchinfo 1.8.0) as
/// <c>print(torchinfo.summary(nn.Sequential(...same layers...), input_size=(64, *input_shape)))</c>, with a
/// module <c>class Reshape(nn.Module)</c> for GanDsl's Reshape. <see cref="TorchinfoReferenceTests"/> checks the same
/// three nets against tables torchinfo printed.
/// </summary>
public class SummaryTests
{
    [Fact]
    public void Vanilla_generator_summary_matches_torchinfo_snapshot()
    {
        var summary = ModelSummary.Of(new[] { 100 },
            LayerSpec.Linear(256), LayerSpec.LeakyReLU(0.2), LayerSpec.Linear(512), LayerSpec.LeakyReLU(0.2),
            LayerSpec.Linear(1024), LayerSpec.LeakyReLU(0.2), LayerSpec.Linear(784), LayerSpec.Tanh(), LayerSpec.Reshape(1, 28, 28));

        Snapshot.Verify(summary.ToString(64), "VanillaGenerator64");
    }

    [Fact]
    public void Dcgan_generator_summary_matches_torchinfo_snapshot()
    {
        var summary = ModelSummary.Of(new[] { 100 },
            LayerSpec.Reshape(100, 1, 1),
            LayerSpec.ConvTranspose2d(256, 7, 1, 0, 0, false), LayerSpec.BatchNorm2d(), LayerSpec.ReLU(),
            LayerSpec.ConvTranspose2d(128, 4, 2, 1, 0, false), LayerSpec.BatchNorm2d(), LayerSpec.ReLU(),
            LayerSpec.ConvTranspose2d(1, 4, 2, 1, 0, false), LayerSpec.Tanh());

        Snapshot.Verify(summary.ToString(64), "DcganGenerator64");
    }

    [Fact]
    public void Conv_discriminator_summary_matches_torchinfo_snapshot()
    {
        var summary = ModelSummary.Of(new[] { 1, 28, 28 },
            LayerSpec.Conv2d(16, 3, 1, 1), LayerSpec.LeakyReLU(0.2), LayerSpec.MaxPool2d(2), LayerSpec.Dropout(0.3),
            LayerSpec.Upsample(2), LayerSpec.Flatten(), LayerSpec.Linear(64), LayerSpec.BatchNorm1d(), LayerSpec.Linear(1), LayerSpec.Sigmoid());

        Snapshot.Verify(summary.ToString(16), "ConvDiscriminator16");
    }

    [Fact]
    public void Generated_summary_property_equals_the_shared_summary()
    {
        // The generated Summary is built from the same LayerSpec calls, so it prints the same table.
        var outcome = GeneratorHarness.Run(SampleNets.Dcgan);
        var text = outcome.Sources["Samples.DcganGenerator.g.cs"];

        Assert.Contains("global::GanDsl.Shapes.LayerSpec.ConvTranspose2d(256, 7, 1, 0, 0, false),", text);
        Assert.Contains("public const long ParameterCount = 1781504L;", text);
    }
}

using System.Runtime.CompilerServices;
using GanDsl.Shapes;

namespace GanDsl.Generators.Tests;

/// <summary>
/// ModelSummary against tables printed by torchinfo 1.8.0 itself: <c>TorchinfoReference/NAME.txt</c> were written by
/// <c>python3 torchinfo_reference.py --torchinfo DIR --out TorchinfoReference</c> (next to this file), which builds the
/// same nets as <see cref="Nets"/> with PyTorch modules. Lines starting with '#' in those files are comments.
/// </summary>
public class TorchinfoReferenceTests
{
    private sealed record Net(int[] Input, int Batch, LayerSpec[] Layers);

    // Keep in step with NETS in torchinfo_reference.py.
    private static readonly Dictionary<string, Net> Nets = new()
    {
        ["VanillaGenerator64"] = new(new[] { 100 }, 64, new[]
        {
            LayerSpec.Linear(256), LayerSpec.LeakyReLU(0.2), LayerSpec.Linear(512), LayerSpec.LeakyReLU(0.2),
            LayerSpec.Linear(1024), LayerSpec.LeakyReLU(0.2), LayerSpec.Linear(784), LayerSpec.Tanh(), LayerSpec.Reshape(1, 28, 28),
        }),
        ["DcganGenerator64"] = new(new[] { 100 }, 64, new[]
        {
            LayerSpec.Reshape(100, 1, 1),
            LayerSpec.ConvTranspose2d(256, 7, 1, 0, 0, false), LayerSpec.BatchNorm2d(), LayerSpec.ReLU(),
            LayerSpec.ConvTranspose2d(128, 4, 2, 1, 0, false), LayerSpec.BatchNorm2d(), LayerSpec.ReLU(),
            LayerSpec.ConvTranspose2d(1, 4, 2, 1, 0, false), LayerSpec.Tanh(),
        }),
        ["ConvDiscriminator16"] = new(new[] { 1, 28, 28 }, 16, new[]
        {
            LayerSpec.Conv2d(16, 3, 1, 1), LayerSpec.LeakyReLU(0.2), LayerSpec.MaxPool2d(2), LayerSpec.Dropout(0.3),
            LayerSpec.Upsample(2), LayerSpec.Flatten(), LayerSpec.Linear(64), LayerSpec.BatchNorm1d(), LayerSpec.Linear(1), LayerSpec.Sigmoid(),
        }),
        ["DcganExampleGenerator64"] = new(new[] { 128 }, 64, new[]
        {
            LayerSpec.Reshape(128, 1, 1),
            LayerSpec.ConvTranspose2d(128, 4, 1, 0, 0, false), LayerSpec.BatchNorm2d(), LayerSpec.ReLU(),
            LayerSpec.ConvTranspose2d(64, 3, 2, 1, 0, false), LayerSpec.BatchNorm2d(), LayerSpec.ReLU(),
            LayerSpec.ConvTranspose2d(32, 4, 2, 1, 0, false), LayerSpec.BatchNorm2d(), LayerSpec.ReLU(),
            LayerSpec.ConvTranspose2d(1, 4, 2, 1, 0, false), LayerSpec.Tanh(),
        }),
        ["DcganExampleDiscriminator64"] = new(new[] { 1, 28, 28 }, 64, new[]
        {
            LayerSpec.Conv2d(32, 4, 2, 1, false), LayerSpec.BatchNorm2d(), LayerSpec.LeakyReLU(0.2),
            LayerSpec.Conv2d(64, 4, 2, 1, false), LayerSpec.BatchNorm2d(), LayerSpec.LeakyReLU(0.2),
            LayerSpec.Conv2d(128, 3, 2, 1, false), LayerSpec.BatchNorm2d(), LayerSpec.LeakyReLU(0.2),
            LayerSpec.Conv2d(1, 4, 1, 0, false), LayerSpec.Flatten(), LayerSpec.Sigmoid(),
        }),
        // GanDsl.Models' dcgan64 (PyTorch's examples/dcgan at 64x64x3) at its batch of 128.
        ["Dcgan64Generator128"] = new(new[] { 100 }, 128, new[]
        {
            LayerSpec.Reshape(100, 1, 1),
            LayerSpec.ConvTranspose2d(512, 4, 1, 0, 0, false), LayerSpec.BatchNorm2d(), LayerSpec.ReLU(),
            LayerSpec.ConvTranspose2d(256, 4, 2, 1, 0, false), LayerSpec.BatchNorm2d(), LayerSpec.ReLU(),
            LayerSpec.ConvTranspose2d(128, 4, 2, 1, 0, false), LayerSpec.BatchNorm2d(), LayerSpec.ReLU(),
            LayerSpec.ConvTranspose2d(64, 4, 2, 1, 0, false), LayerSpec.BatchNorm2d(), LayerSpec.ReLU(),
            LayerSpec.ConvTranspose2d(3, 4, 2, 1, 0, false), LayerSpec.Tanh(),
        }),
        ["Dcgan64Discriminator128"] = new(new[] { 3, 64, 64 }, 128, new[]
        {
            LayerSpec.Conv2d(64, 4, 2, 1, false), LayerSpec.LeakyReLU(0.2),
            LayerSpec.Conv2d(128, 4, 2, 1, false), LayerSpec.BatchNorm2d(), LayerSpec.LeakyReLU(0.2),
            LayerSpec.Conv2d(256, 4, 2, 1, false), LayerSpec.BatchNorm2d(), LayerSpec.LeakyReLU(0.2),
            LayerSpec.Conv2d(512, 4, 2, 1, false), LayerSpec.BatchNorm2d(), LayerSpec.LeakyReLU(0.2),
            LayerSpec.Conv2d(1, 4, 1, 0, false), LayerSpec.Flatten(), LayerSpec.Sigmoid(),
        }),
        ["LightningCnnGenerator64"] = new(new[] { 100 }, 64, new[]
        {
            LayerSpec.Linear(7 * 7 * 64), LayerSpec.ReLU(), LayerSpec.Reshape(64, 7, 7),
            LayerSpec.ConvTranspose2d(32, 4, 2), LayerSpec.ReLU(), LayerSpec.ConvTranspose2d(16, 4, 2), LayerSpec.ReLU(), LayerSpec.Conv2d(1, 7),
        }),
        ["LightningCnnDiscriminator64"] = new(new[] { 1, 28, 28 }, 64, new[]
        {
            LayerSpec.Conv2d(10, 5), LayerSpec.MaxPool2d(2), LayerSpec.ReLU(),
            LayerSpec.Conv2d(20, 5), LayerSpec.Dropout(0.5), LayerSpec.MaxPool2d(2), LayerSpec.ReLU(),
            LayerSpec.Flatten(), LayerSpec.Linear(50), LayerSpec.ReLU(), LayerSpec.Dropout(0.5), LayerSpec.Linear(1), LayerSpec.Sigmoid(),
        }),
        ["SevenBitGenerator1"] = new(new[] { 7 }, 1, new[] { LayerSpec.Linear(7), LayerSpec.Sigmoid() }),
        ["SevenBitDiscriminator64"] = new(new[] { 7 }, 64, new[] { LayerSpec.Linear(1), LayerSpec.Sigmoid() }),
        ["MnistMlpGenerator32"] = new(new[] { 100 }, 32, new[]
        {
            LayerSpec.Linear(256), LayerSpec.LeakyReLU(0.2), LayerSpec.Linear(512), LayerSpec.LeakyReLU(0.2),
            LayerSpec.Linear(784), LayerSpec.Tanh(), LayerSpec.Reshape(1, 28, 28),
        }),
        ["MnistMlpDiscriminator64"] = new(new[] { 1, 28, 28 }, 64, new[]
        {
            LayerSpec.Flatten(), LayerSpec.Linear(512), LayerSpec.LeakyReLU(0.2), LayerSpec.Dropout(0.3),
            LayerSpec.Linear(256), LayerSpec.LeakyReLU(0.2), LayerSpec.Dropout(0.3), LayerSpec.Linear(1),
        }),
        ["VanillaDiscriminator128"] = new(new[] { 1, 28, 28 }, 128, new[]
        {
            LayerSpec.Flatten(), LayerSpec.Linear(512), LayerSpec.LeakyReLU(0.2), LayerSpec.Dropout(0.3),
            LayerSpec.Linear(256), LayerSpec.LeakyReLU(0.2), LayerSpec.Dropout(0.3),
            LayerSpec.Linear(128), LayerSpec.LeakyReLU(0.2), LayerSpec.Dropout(0.3), LayerSpec.Linear(1), LayerSpec.Sigmoid(),
        }),
        ["UpsampleBatchNorm1d7"] = new(new[] { 3, 16, 16 }, 7, new[]
        {
            LayerSpec.Conv2d(8, 3, 2, 1), LayerSpec.BatchNorm2d(), LayerSpec.Upsample(3), LayerSpec.MaxPool2d(3, 2), LayerSpec.Flatten(),
            LayerSpec.Linear(10, false), LayerSpec.BatchNorm1d(), LayerSpec.ReLU(), LayerSpec.Linear(1),
        }),
        ["WideConv256"] = new(new[] { 64, 64, 64 }, 256, new[]
        {
            LayerSpec.Conv2d(64, 3, 1, 1), LayerSpec.ReLU(), LayerSpec.MaxPool2d(2), LayerSpec.Flatten(), LayerSpec.Linear(1),
        }),
        ["NewLayersCritic16"] = new(new[] { 1, 28, 28 }, 16, new[]
        {
            LayerSpec.Conv2d(16, 3, 1, 1, spectralNorm: true), LayerSpec.GroupNorm(4), LayerSpec.LeakyReLU(0.2), LayerSpec.Dropout2d(0.2),
            LayerSpec.Conv2d(32, 4, 2, 1, bias: false, spectralNorm: true), LayerSpec.InstanceNorm2d(affine: true), LayerSpec.InstanceNorm2d(),
            LayerSpec.LeakyReLU(0.2), LayerSpec.MinibatchStdDev(4), LayerSpec.Flatten(), LayerSpec.LayerNorm(), LayerSpec.Linear(1, spectralNorm: true),
        }),
        ["NewLayersGenerator8"] = new(new[] { 32 }, 8, new[]
        {
            LayerSpec.Linear(392, spectralNorm: true), LayerSpec.LayerNorm(elementwiseAffine: false), LayerSpec.Reshape(8, 7, 7),
            LayerSpec.ConvTranspose2d(8, 4, 2, 1, spectralNorm: true), LayerSpec.BatchNorm2d(affine: false), LayerSpec.GroupNorm(2, affine: false),
            LayerSpec.ReLU(), LayerSpec.ConvTranspose2d(1, 4, 2, 1, bias: false, spectralNorm: true), LayerSpec.BatchNorm2d(), LayerSpec.Tanh(),
        }),
        ["ExactMegaMultAdds100000"] = new(new[] { 9 }, 100000, new[] { LayerSpec.Linear(1) }),
        ["HalfEvenParamsSize1"] = new(new[] { 31249 }, 1, new[] { LayerSpec.Linear(1) }),
    };

    public static TheoryData<string> Names => new(Nets.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Summary_equals_what_torchinfo_printed(string name)
    {
        var net = Nets[name];
        var summary = ModelSummary.Of(net.Input, net.Layers);

        Assert.Equal(Reference(name), summary.ToString(net.Batch));
    }

    [Fact]
    public void Every_reference_file_has_a_net()
    {
        var files = Directory.GetFiles(ReferenceFolder(), "*.txt").Select(Path.GetFileNameWithoutExtension).Order();

        Assert.Equal(Nets.Keys.Order(), files);
    }

    private static string Reference(string name)
    {
        var lines = File.ReadAllText(Path.Combine(ReferenceFolder(), name + ".txt")).Replace("\r\n", "\n").Split('\n');
        // print() ends the table with a newline that ToString leaves out.
        return string.Join("\n", lines.Where(line => !line.StartsWith('#'))).TrimEnd('\n');
    }

    private static string ReferenceFolder([CallerFilePath] string testFile = "") =>
        Path.Combine(Path.GetDirectoryName(testFile)!, "TorchinfoReference");
}

using GanDsl.Generators.Tests.Support;
using GanDsl.Nn;
using GanDsl.Shapes;
using Microsoft.CodeAnalysis;

namespace GanDsl.Generators.Tests;

/// <summary>
/// Every layer rule gives the same sentence at compile time (the diagnostic at the attribute), in the attribute-free
/// <see cref="LayerStack"/>, and, for argument rules, in the <c>GanDsl.Nn</c> module's constructor (without "at layer N").
/// The attributes are written from the specs (<see cref="LayerSpec.Describe"/> is the attribute syntax), so each case is stated once.
/// </summary>
public class LayerRuleParityTests
{
    public static TheoryData<string, int[], LayerSpec[]> Cases => new()
    {
        { "GAN0009", [1, 8, 8], [LayerSpec.Flatten(), LayerSpec.Linear(0)] },
        { "GAN0009", [1, 8, 8], [LayerSpec.Conv2d(8, 0)] },
        { "GAN0009", [1, 8, 8], [LayerSpec.Conv2d(0, 3)] },
        { "GAN0009", [1, 8, 8], [LayerSpec.Conv2d(8, 3, 0)] },
        { "GAN0009", [1, 8, 8], [LayerSpec.Conv2d(8, 3, 1, -1)] },
        { "GAN0009", [1, 8, 8], [LayerSpec.ConvTranspose2d(4, 3, 2, 1, 2)] },
        { "GAN0009", [1, 8, 8], [LayerSpec.ConvTranspose2d(4, 3, 1, 0, -1)] },
        { "GAN0009", [1, 8, 8], [LayerSpec.ConvTranspose2d(4, 3, 1, -2)] },
        { "GAN0009", [4], [LayerSpec.Dropout(1.5)] },
        { "GAN0009", [4], [LayerSpec.Dropout(-0.1)] },
        { "GAN0009", [4], [LayerSpec.Dropout(double.NaN)] },
        { "GAN0009", [4], [LayerSpec.LeakyReLU(-0.2)] },
        { "GAN0009", [4], [LayerSpec.LeakyReLU(double.PositiveInfinity)] },
        { "GAN0009", [4], [LayerSpec.LeakyReLU(double.NaN)] },
        { "GAN0009", [1, 8, 8], [LayerSpec.MaxPool2d(0)] },
        { "GAN0009", [1, 8, 8], [LayerSpec.MaxPool2d(2, 0)] },
        { "GAN0009", [4], [LayerSpec.Reshape(0, 2)] },
        { "GAN0009", [4], [LayerSpec.Reshape()] },
        { "GAN0009", [1, 8, 8], [LayerSpec.Upsample(0)] },
        { "GAN0009", [1, 8, 8], [LayerSpec.Dropout2d(1.5)] },
        { "GAN0009", [1, 8, 8], [LayerSpec.Dropout2d(-0.1)] },
        { "GAN0009", [4, 4, 4], [LayerSpec.GroupNorm(0)] },
        { "GAN0009", [1, 8, 8], [LayerSpec.MinibatchStdDev(0)] },
        { "GAN0009", [1, 8, 8], [LayerSpec.Conv2d(8, 3), LayerSpec.GroupNorm(3)] },
        { "GAN0009", [6], [LayerSpec.GroupNorm(4)] },
        { "GAN0006", [1, 28, 28], [LayerSpec.Conv2d(8, 4, 2, 1), LayerSpec.Linear(512)] },
        { "GAN0006", [784], [LayerSpec.Conv2d(8, 3), LayerSpec.Flatten(), LayerSpec.Linear(1)] },
        { "GAN0006", [8], [LayerSpec.BatchNorm2d()] },
        { "GAN0006", [1, 4, 4], [LayerSpec.BatchNorm1d()] },
        { "GAN0006", [16], [LayerSpec.Upsample(2)] },
        { "GAN0006", [16], [LayerSpec.MaxPool2d(2)] },
        { "GAN0006", [16], [LayerSpec.Dropout2d(0.2)] },
        { "GAN0006", [8], [LayerSpec.InstanceNorm2d()] },
        { "GAN0006", [16], [LayerSpec.MinibatchStdDev()] },
        { "GAN0006", [1, 28, 28], [LayerSpec.LayerNorm(), LayerSpec.Linear(1, spectralNorm: true)] },
        { "GAN0007", [4, 6, 6], [LayerSpec.MaxPool2d(2), LayerSpec.Conv2d(8, 5)] },
        { "GAN0007", [2, 1, 1], [LayerSpec.ConvTranspose2d(4, 2, 1, 3)] },
        { "GAN0008", [4], [LayerSpec.Linear(512), LayerSpec.Reshape(1, 28, 28)] },
        { "GAN0016", [1, 256, 256], [LayerSpec.Upsample(65536)] },
        { "GAN0016", [1, 8, 8], [LayerSpec.Conv2d(1, 1, 1, int.MaxValue)] },
        { "GAN0016", [1, 8, 8], [LayerSpec.ConvTranspose2d(1, 2, int.MaxValue)] },
        { "GAN0016", [int.MaxValue, 1, 1], [LayerSpec.MinibatchStdDev()] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compile_time_and_run_time_report_the_same_sentence(string id, int[] input, LayerSpec[] layers)
    {
        var source = "using GanDsl;\n[GanDiscriminator(" + string.Join(", ", input) + ")]\n"
            + string.Concat(layers.Select(l => "[" + Attribute(l) + "]")) + "\npublic partial class D;";
        var diagnostic = Assert.Single(GeneratorHarness.Run(source).Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        string message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(message, Assert.Throws<ShapeMismatchException>(() => LayerStack.Build(input, layers)).Message);
        // Only an argument rule is the constructor's own check; a rule on the input (GroupNorm's channels) names where the input came from.
        if (id != "GAN0009" || LayerValidation.Validate(layers[^1], layers.Length - 1) is null) return;

        // The argument rule is the constructor's own check: the same sentence without the position.
        var layer = layers[^1];
        var shapes = ShapeInference.InferStack(input, layers[..^1]);
        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => LayerStack.Create(layer, shapes.Output));
        Assert.StartsWith(message.Replace(" at layer " + layers.Length + " ", " "), thrown.Message);
    }

    /// <summary>The attribute text of a spec: its description, with the doubles C# has no literal for.</summary>
    private static string Attribute(LayerSpec layer) =>
        layer.Describe().Replace("NaN", "double.NaN").Replace("Infinity", "double.PositiveInfinity");
}

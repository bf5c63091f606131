using System.Globalization;
using System.Text.RegularExpressions;
using CsCheck;
using GanDsl.Generators.Tests.Support;
using GanDsl.Tests;
using Microsoft.CodeAnalysis;

namespace GanDsl.Generators.Tests;

/// <summary>
/// Random stacks. Valid ones: no diagnostics, generated code compiles without warnings, and the generated
/// ParameterCount/OutputShape equal counts computed here independently from PyTorch's formulas.
/// Random (mostly invalid) ones: a diagnostic, never an exception or an internal error.
/// </summary>
public class StackPropertyTests
{
    internal sealed record Conv(int Out, int Kernel, int Stride, int Padding, bool Bias);

    internal sealed record ConvStack(int Channels, int Size, Conv[] Convs, int Hidden)
    {
        public override string ToString() => Source();

        public string Source()
        {
            var layers = Convs.Select(c => $"[Conv2d({c.Out}, {c.Kernel}, {c.Stride}, {c.Padding}, Bias = {(c.Bias ? "true" : "false")}), LeakyReLU(0.2)]");
            return $"using GanDsl;\n[GanDiscriminator({Channels}, {Size}, {Size})]\n{string.Join("\n", layers)}\n[Flatten, Linear({Hidden}), BatchNorm1d, ReLU, Dropout(0.25)]\n[Linear(1), Sigmoid]\npublic partial class D;";
        }

        /// <summary>PyTorch's parameter count and output side, or null when a kernel does not fit.</summary>
        public (long Params, int Side)? Expected()
        {
            long total = 0;
            int c = Channels, side = Size;
            foreach (var conv in Convs)
            {
                if (side + 2 * conv.Padding < conv.Kernel) return null;
                total += (long)c * conv.Out * conv.Kernel * conv.Kernel + (conv.Bias ? conv.Out : 0);
                side = (side + 2 * conv.Padding - conv.Kernel) / conv.Stride + 1;
                c = conv.Out;
            }
            long flat = (long)c * side * side;
            total += flat * Hidden + Hidden + 2L * Hidden + Hidden + 1;
            return (total, side);
        }
    }

    internal static readonly Gen<ConvStack> ConvStacks =
        from channels in Gen.Int[1, 3]
        from size in Gen.Int[4, 16]
        from count in Gen.Int[1, 3]
        from convs in (
            from o in Gen.Int[1, 8]
            from k in Gen.Int[1, 4]
            from s in Gen.Int[1, 2]
            from p in Gen.Int[0, 1]
            from b in Gen.Bool
            select new Conv(o, k, s, p, b)).Array[count]
        from hidden in Gen.Int[1, 16]
        select new ConvStack(channels, size, convs, hidden);

    [Fact]
    public void Valid_conv_stacks_compile_and_count_like_pytorch() =>
        ConvStacks.Where(s => s.Expected() != null).ForAll(stack =>
        {
            var outcome = GeneratorHarness.Run(stack.Source());
            var expected = stack.Expected()!.Value;
            var text = outcome.Sources["D.g.cs"];
            var count = long.Parse(Regex.Match(text, @"ParameterCount = (\d+)L").Groups[1].Value, CultureInfo.InvariantCulture);
            return outcome.Exception == null
                && outcome.Diagnostics.IsEmpty
                && GeneratorHarness.CompileWithRuntime(outcome).IsEmpty
                && count == expected.Params
                && text.Contains("public static int[] OutputShape => new int[] { 1 };", StringComparison.Ordinal);
        }, iter: 25);

    private static readonly string[] LayerPool =
    {
        "Linear(8)", "Linear(0)", "Linear(-3)", "Linear(4, Bias = false)", "Conv2d(4, 3)", "Conv2d(4, 9, 1, 0)", "Conv2d(2, 3, 0, 1)",
        "ConvTranspose2d(2, 4, 2, 1)", "ConvTranspose2d(2, 1, 1, 5)", "ConvTranspose2d(2, 3, 2, 1, 3)", "BatchNorm1d", "BatchNorm2d",
        "Dropout(0.5)", "Dropout(1)", "Dropout(-0.1)", "ReLU", "LeakyReLU(0.2)", "LeakyReLU(-1)", "Tanh", "Sigmoid", "MaxPool2d(2)",
        "MaxPool2d(3, 0)", "MaxPool2d(50)", "Flatten", "Reshape(1, 4, 4)", "Reshape(16)", "Reshape(0, 2)", "Reshape()", "Upsample(2)", "Upsample(0)",
    };

    private static readonly Gen<string> RandomDeclarations =
        from isGenerator in Gen.Bool
        from role in isGenerator
            ? Gen.OneOf("GanGenerator(LatentDim = 16)", "GanGenerator(LatentDim = 0)", "GanGenerator(LatentDim = 4, Classes = 3)", "GanGenerator")
            : Gen.OneOf("GanDiscriminator(1, 8, 8)", "GanDiscriminator(16)", "GanDiscriminator(2, 4, 4, Classes = 2)", "GanDiscriminator()", "GanDiscriminator(1, 0, 3)")
        from count in Gen.Int[0, 6]
        from layers in Gen.OneOf(LayerPool).Array[count]
        select $"using GanDsl;\n[{role}]\n{string.Concat(layers.Select(l => "[" + l + "]"))}\npublic partial class N;";

    /// <remarks>A net with an error gets a stub (issue 13, "one mistake, one error"), so every declaration yields one source that compiles.</remarks>
    [Fact]
    public void Random_stacks_never_crash_and_errors_come_with_a_stub_that_compiles() =>
        RandomDeclarations.ForAll(source =>
        {
            var outcome = GeneratorHarness.Run(source);
            bool allOurs = outcome.Diagnostics.All(d => d.Id.StartsWith("GAN", StringComparison.Ordinal) && d.Id != "GAN0018" && d.Location.IsInSource);
            bool compiles = GeneratorHarness.CompileWithRuntime(outcome).All(d => d.Id == "GAN0017");
            return outcome.Exception == null && allOurs && outcome.Sources.Count == 1 && compiles;
        }, iter: 60);
}

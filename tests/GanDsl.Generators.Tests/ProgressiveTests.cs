using GanDsl.Generators.Tests.Support;
using GanDsl.Nn;
using Microsoft.CodeAnalysis;

namespace GanDsl.Generators.Tests;

/// <summary>[GanBlock] nets and progressive nets: generated members, the stage chain check and its diagnostics.</summary>
public class ProgressiveTests
{
    private const string Blocks = """
        using GanDsl;
        [GanBlock(8)] [Linear(32), LeakyReLU(0.2), Reshape(8, 2, 2)] public partial class G2;
        [GanBlock(8, 2, 2)] [Upsample(2), Conv2d(4, 3, 1, 1), BatchNorm2d, LeakyReLU(0.2)] public partial class G4;
        [GanBlock(8, 2, 2)] [Flatten, Linear(1), Sigmoid] public partial class D2;
        [GanBlock(4, 4, 4)] [Conv2d(8, 3, 1, 1), LeakyReLU(0.2), MaxPool2d(2)] public partial class D4;
        """;

    [Fact]
    public void Blocks_and_progressive_nets_compile_and_count_every_allocated_parameter()
    {
        var outcome = GeneratorHarness.Run(Blocks + """

            [ProgressiveGenerator(typeof(G2), typeof(G4), ImageChannels = 3)] public partial class PG;
            [ProgressiveDiscriminator(typeof(D2), typeof(D4), ImageChannels = 3)] public partial class PD;
            """);
        Assert.Null(outcome.Exception);
        Assert.Empty(outcome.Diagnostics);
        Assert.Empty(GeneratorHarness.CompileWithRuntime(outcome));
        var assembly = GeneratorHarness.Load(outcome);

        var block = (Nn.Progressive.BlockModule)Activator.CreateInstance(assembly.GetType("G4")!, 7UL)!;
        Assert.Equal([8, 2, 2], block.InputShape);
        Assert.Equal([4, 4, 4], block.OutputShape);
        Assert.True(((Nn.Progressive.BlockModule)Activator.CreateInstance(assembly.GetType("D2")!, 7UL)!).EndsInSigmoid);

        foreach (var name in new[] { "PG", "PD" })
        {
            var type = assembly.GetType(name)!;
            var net = (Module)Activator.CreateInstance(type, 5UL)!;
            long declared = (long)type.GetField("ParameterCount")!.GetValue(null)!;
            Assert.Equal(net.ParameterElementCount(), declared);
            var summary = (Shapes.ModelSummary)type.GetProperty("Summary")!.GetValue(null)!;
            Assert.True(summary.TotalParams < declared); // the earlier stages' heads are outside the fully grown path
        }
        var g = (GeneratorModule)Activator.CreateInstance(assembly.GetType("PG")!, 5UL)!;
        Assert.Equal([3, 4, 4], g.OutputShape);
        Assert.Equal(8, g.LatentDim);
        var d = (DiscriminatorModule)Activator.CreateInstance(assembly.GetType("PD")!, 5UL)!;
        Assert.Equal([3, 4, 4], d.InputShape);
        Assert.True(d.OutputsProbability);
    }

    public static TheoryData<string, string, string> Cases => new()
    {
        {
            "GAN0019", "Block 'B' has no input shape; write its per-sample input shape, e.g. [GanBlock(64, 7, 7)] or [GanBlock(128)] for the noise vector",
            "[[|GanBlock|]] [Linear(2)] public partial class B;"
        },
        {
            "GAN0020", "Stage 2 'G4' of progressive generator 'PG' is not a declared block; mark it with [GanBlock(...)] and a layer stack",
            "[GanBlock(8)] [Linear(32), Reshape(8, 2, 2)] public partial class G2; public class G4; [ProgressiveGenerator(typeof(G2), [|typeof(G4)|])] public partial class PG;"
        },
        {
            "GAN0021", "Stage 2 'G4' of progressive generator 'PG' takes [4, 2, 2] but stage 1 'G2' outputs [8, 2, 2]; declare G4 as [GanBlock(8, 2, 2)]",
            "[GanBlock(8)] [Linear(32), Reshape(8, 2, 2)] public partial class G2; [GanBlock(4, 2, 2)] [Upsample(2), Conv2d(4, 1)] public partial class G4; "
            + "[ProgressiveGenerator(typeof(G2), [|typeof(G4)|])] public partial class PG;"
        },
        {
            "GAN0021", "Stage 2 'G5' of progressive generator 'PG' grows [8, 2, 2] to [4, 5, 5], which is not the same whole factor in height and width; scale both by one integer, e.g. with [Upsample(2)]",
            "[GanBlock(8)] [Linear(32), Reshape(8, 2, 2)] public partial class G2; [GanBlock(8, 2, 2)] [ConvTranspose2d(4, 4)] public partial class G5; "
            + "[ProgressiveGenerator(typeof(G2), [|typeof(G5)|])] public partial class PG;"
        },
        {
            "GAN0021", "Stage 1 'D2' of progressive discriminator 'PD' outputs [3] but the first stage must end in one score [1]; end it with [Flatten, Linear(1)]",
            "[GanBlock(8, 2, 2)] [Flatten, Linear(3)] public partial class D2; [ProgressiveDiscriminator([|typeof(D2)|])] public partial class PD;"
        },
        {
            "GAN0021", "Progressive discriminator 'PD' has no stages; list its blocks in stage order, e.g. [ProgressiveDiscriminator(typeof(Block7), typeof(Block14))]",
            "[[|ProgressiveDiscriminator|]] public partial class PD;"
        },
        {
            "GAN0003", "'B' carries both [GanGenerator] and [GanBlock]; keep one role attribute per class",
            "[GanGenerator(LatentDim = 4), [|GanBlock(4)|]] [Linear(2), Tanh] public partial class B;"
        },
        {
            "GAN0009", "[ProgressiveGenerator] on 'PG' needs a positive ImageChannels but has 0; use 1 for grayscale or 3 for colour",
            "[GanBlock(8)] [Linear(32), Reshape(8, 2, 2)] public partial class G2; [[|ProgressiveGenerator(typeof(G2), ImageChannels = 0)|]] public partial class PG;"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Diagnostic_has_id_message_and_span(string id, string message, string markup) =>
        DiagnosticExpectation.Single(markup, id, message, DiagnosticSeverity.Error);

    [Fact]
    public void Layer_shape_errors_inside_a_block_point_at_the_layer_and_silence_the_chain_check()
    {
        var (source, span) = Markup.Parse("using GanDsl;\n[GanBlock(8)] [Linear(32), [|Reshape(8, 3, 3)|]] public partial class G2; "
            + "[ProgressiveGenerator(typeof(G2))] public partial class PG;");
        var diagnostic = Assert.Single(GeneratorHarness.Run(source).Diagnostics);
        Assert.Equal("GAN0008", diagnostic.Id);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
    }
}

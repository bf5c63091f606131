using GanDsl.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace GanDsl.Generators.Tests;

/// <summary>Every diagnostic id: its message and the exact span (marked <c>[|...|]</c>) it points at.</summary>
public class DiagnosticTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        {
            "GAN0001", "'G' must be declared partial so GanDsl can generate its members; add the partial modifier",
            "[GanGenerator(LatentDim = 4)] [Linear(2), Tanh] public class [|G|];"
        },
        {
            "GAN0002", "'G' declares layer attributes but no role; add [GanGenerator(LatentDim = ...)] or [GanDiscriminator(...)]",
            "[[|Linear(2)|], Tanh] public partial class G;"
        },
        {
            "GAN0003", "'G' carries both [GanGenerator] and [GanDiscriminator]; keep one role attribute per class",
            "[GanGenerator(LatentDim = 4), [|GanDiscriminator(4)|]] [Linear(2), Tanh] public partial class G;"
        },
        {
            "GAN0003", "'G' carries both [GanGenerator] and [Gan<...>]; keep one role attribute per class",
            "[GanGenerator(LatentDim = 4)] [[|Gan<G, D>|]] [Linear(2), Tanh] public partial class G; [GanDiscriminator(2)] [Linear(1)] public partial class D;"
        },
        {
            "GAN0004", "'G' has no layer attributes; add its layers after the role attribute, e.g. [Linear(256), ReLU]",
            "[[|GanGenerator(LatentDim = 4)|]] public partial class G;"
        },
        {
            "GAN0005", "Layer attributes of 'G' are spread over several partial declarations; move them all to one declaration",
            "[GanGenerator(LatentDim = 4)] [Linear(2)] public partial class G; [[|Tanh|]] public partial class G;"
        },
        {
            "GAN0006", "Linear(512) at layer 2 needs a flat input but receives [8, 14, 14] from Conv2d at layer 1; add [Flatten]",
            "[GanDiscriminator(1, 28, 28)] [Conv2d(8, 4, 2, 1)] [[|Linear(512)|]] public partial class D;"
        },
        {
            "GAN0006", "Conv2d(8, 3) at layer 1 needs an image input [C, H, W] but receives [784] from the input; add [Reshape(channels, height, width)] before it",
            "[GanDiscriminator(784)] [[|Conv2d(8, 3)|], Flatten, Linear(1)] public partial class D;"
        },
        {
            "GAN0007", "Conv2d(8, 5) at layer 2 has kernel 5 larger than its padded input height 3 + 2*0 = 3 of [4, 3, 3] from MaxPool2d at layer 1; use a smaller kernel or more padding",
            "[GanDiscriminator(4, 6, 6)] [MaxPool2d(2), [|Conv2d(8, 5)|]] public partial class D;"
        },
        {
            "GAN0007", "ConvTranspose2d(4, 2, 1, 3) at layer 2 gives output height (1 - 1)*1 - 2*3 + 2 + 0 = -4 for [2, 1, 1] from Reshape at layer 1, which is not positive; use less padding or a larger kernel",
            "[GanGenerator(LatentDim = 2)] [Reshape(2, 1, 1), [|ConvTranspose2d(4, 2, 1, 3)|], Tanh] public partial class G;"
        },
        {
            "GAN0008", "Reshape(1, 28, 28) at layer 2 needs 784 elements but receives [512] (512 elements) from Linear at layer 1; make the dimensions multiply to 512",
            "[GanGenerator(LatentDim = 4)] [Linear(512), [|Reshape(1, 28, 28)|], Tanh] public partial class G;"
        },
        {
            "GAN0009", "Dropout(1.5) at layer 2 needs a probability p in [0, 1) but has 1.5; use a value such as 0.3",
            "[GanGenerator(LatentDim = 4)] [Linear(8), [|Dropout(1.5)|], Tanh] public partial class G;"
        },
        {
            "GAN0009", "Conv2d(8, 3, 1, -1) at layer 1 needs a non-negative padding but has -1; use 0 or more",
            "[GanDiscriminator(1, 8, 8)] [[|Conv2d(8, 3, 1, -1)|]] public partial class D;"
        },
        {
            "GAN0009", "LeakyReLU(-0.2) at layer 2 needs a finite non-negative negative_slope but has -0.2; use a value such as 0.2",
            "[GanGenerator(LatentDim = 4)] [Linear(8), [|LeakyReLU(-0.2)|], Tanh] public partial class G;"
        },
        {
            "GAN0009", "Linear(0) at layer 1 needs a positive out_features but has 0; use a value of at least 1",
            "[GanGenerator(LatentDim = 4)] [[|Linear(0)|], Tanh] public partial class G;"
        },
        {
            "GAN0010", "Generator 'G' has no LatentDim; write [GanGenerator(LatentDim = 100)]",
            "[[|GanGenerator|]] [Linear(2), Tanh] public partial class G;"
        },
        {
            "GAN0011", "Discriminator 'D' has no input shape; write its sample shape, e.g. [GanDiscriminator(1, 28, 28)]",
            "[[|GanDiscriminator|]] [Linear(1)] public partial class D;"
        },
        {
            "GAN0012", "Type argument 'D' of [Gan<...>] on 'P' is not a declared discriminator; mark it with [GanDiscriminator] and a layer stack",
            "[GanGenerator(LatentDim = 4)] [Linear(2), Tanh] public partial class G; public class D; [Gan<G, [|D|]>] public partial class P;"
        },
        {
            "GAN0013", "Generator 'G' outputs [3] but discriminator 'D' expects [2]; make the generator's last layers produce [2]",
            "[GanGenerator(LatentDim = 4)] [Linear(3), Tanh] public partial class G; [GanDiscriminator(2)] [Linear(1)] public partial class D; [[|Gan<G, D>|]] public partial class P;"
        },
        {
            "GAN0014", "Discriminator 'D' outputs [5] per sample but a GAN needs one score per sample; end its stack with [Flatten] and [Linear(1)]",
            "[GanGenerator(LatentDim = 4)] [Linear(2), Tanh] public partial class G; [GanDiscriminator(2)] [Linear(5)] public partial class D; [Gan<G, [|D|]>] public partial class P;"
        },
        {
            "GAN0015", "Generator 'G' has Classes = 10 but discriminator 'D' has Classes = 0; give both the same class count",
            "[GanGenerator(LatentDim = 4, Classes = 10)] [Linear(2), Tanh] public partial class G; [GanDiscriminator(2)] [Linear(1)] public partial class D; [[|Gan<G, D>|]] public partial class P;"
        },
        {
            "GAN0016", "Upsample(65536) at layer 3 would produce more than 2^31-1 elements per sample from [1, 256, 256] from Reshape at layer 2; use smaller sizes",
            "[GanGenerator(LatentDim = 4)] [Linear(65536), Reshape(1, 256, 256), [|Upsample(65536)|], Tanh] public partial class G;"
        },
        {
            "GAN0016", "'D' has more parameters or mult-adds than a 64-bit count can hold; use smaller layers",
            "[[|GanDiscriminator(2147483646)|]] [Linear(2147483647), Linear(2147483647), Linear(2147483647)] public partial class D;"
        },
        {
            "GAN0027", "[GanGenerator] on 'G' sets Conditioning = Projection, which only a discriminator can use; use ConditionalBatchNorm or EmbeddingAtInput",
            "[[|GanGenerator(LatentDim = 4, Classes = 3, Conditioning = LabelConditioning.Projection)|]] [Linear(2), Tanh] public partial class G;"
        },
        {
            "GAN0027", "[GanDiscriminator] on 'D' sets Conditioning = ConditionalBatchNorm, which only a generator can use; use Projection, AuxiliaryClassifier, OneHotPlanes, OneHotPlanesAndClassifier, EmbeddingAfterFlatten or EmbeddingAtInput",
            "[[|GanDiscriminator(4, Classes = 3, Conditioning = LabelConditioning.ConditionalBatchNorm)|]] [Linear(8), BatchNorm1d, Linear(1)] public partial class D;"
        },
        {
            "GAN0027", "Discriminator 'D' sets Conditioning = Projection, which adds <embed(y), h> to the output of its last Linear (h being that Linear's input), but its stack does not end in a Linear(1) followed only by activations; end it with [Flatten] and [Linear(1)]",
            "[[|GanDiscriminator(1, 8, 8, Classes = 3, Conditioning = LabelConditioning.Projection)|]] [Conv2d(1, 8), Flatten] public partial class D;"
        },
        {
            "GAN0027", "[GanGenerator] on 'G' sets Conditioning = AuxiliaryClassifier, which only a discriminator can use; use ConditionalBatchNorm or EmbeddingAtInput",
            "[[|GanGenerator(LatentDim = 4, Classes = 3, Conditioning = LabelConditioning.AuxiliaryClassifier)|]] [Linear(2), Tanh] public partial class G;"
        },
        {
            "GAN0027", "[GanDiscriminator] on 'D' sets Conditioning = OneHotPlanesAndClassifier, which needs an image input [C, H, W] but the input is [4]; leave Conditioning out to pick the way that fits",
            "[[|GanDiscriminator(4, Classes = 3, Conditioning = LabelConditioning.OneHotPlanesAndClassifier)|]] [Linear(8), Linear(1)] public partial class D;"
        },
        {
            "GAN0027", "Discriminator 'D' sets Conditioning = OneHotPlanesAndClassifier, whose class head reads h, the input of its last Linear(1), but its stack does not end in a Linear(1) followed only by activations; end it with [Flatten] and [Linear(1)]",
            "[[|GanDiscriminator(1, 8, 8, Classes = 3, Conditioning = LabelConditioning.OneHotPlanesAndClassifier)|]] [Conv2d(1, 8), Flatten, Sigmoid] public partial class D;"
        },
        {
            "GAN0027", "Discriminator 'D' sets Conditioning = AuxiliaryClassifier, whose class head reads h, the input of its last Linear(1), but its stack does not end in a Linear(1) followed only by activations; end it with [Flatten] and [Linear(1)]",
            "[[|GanDiscriminator(1, 8, 8, Classes = 3, Conditioning = LabelConditioning.AuxiliaryClassifier)|]] [Conv2d(1, 8), Flatten] public partial class D;"
        },
        {
            "GAN0027", "Generator 'G' sets Conditioning = ConditionalBatchNorm but has no BatchNorm1d or BatchNorm2d to condition; add [BatchNorm2d] after its convolutions",
            "[[|GanGenerator(LatentDim = 4, Classes = 3, Conditioning = LabelConditioning.ConditionalBatchNorm)|]] [Linear(2), Tanh] public partial class G;"
        },
        {
            "GAN0027", "[GanDiscriminator] on 'D' sets Conditioning = Projection but has no Classes; give the label count, e.g. Classes = 10",
            "[[|GanDiscriminator(4, Conditioning = LabelConditioning.Projection)|]] [Linear(1)] public partial class D;"
        },
        {
            "GAN0027", "[GanGenerator] on 'G' has Classes = 3 but sets Conditioning = None; leave Conditioning out to take the labels as the input's shape suggests, or name a way",
            "[[|GanGenerator(LatentDim = 4, Classes = 3, Conditioning = LabelConditioning.None)|]] [Linear(2), Tanh] public partial class G;"
        },
        {
            "GAN0027", "[GanDiscriminator] on 'D' sets Conditioning = EmbeddingAtInput, which needs a flat input [features] but the input is [1, 8, 8]; leave Conditioning out to pick the way that fits",
            "[[|GanDiscriminator(1, 8, 8, Classes = 3, Conditioning = LabelConditioning.EmbeddingAtInput)|]] [Flatten, Linear(1)] public partial class D;"
        },
        {
            "GAN0027", "[GanDiscriminator] on 'D' sets Conditioning = OneHotPlanes, which needs an image input [C, H, W] but the input is [4]; leave Conditioning out to pick the way that fits",
            "[[|GanDiscriminator(4, Classes = 3, Conditioning = LabelConditioning.OneHotPlanes)|]] [Linear(1)] public partial class D;"
        },
        {
            "GAN0027", "[GanDiscriminator] on 'D' sets Conditioning = EmbeddingAfterFlatten, which needs an image input [C, H, W] and a leading [Flatten] but the input is [1, 8, 8]; leave Conditioning out to pick the way that fits",
            "[[|GanDiscriminator(1, 8, 8, Classes = 3, Conditioning = LabelConditioning.EmbeddingAfterFlatten)|]] [Conv2d(1, 8), Flatten, Linear(1)] public partial class D;"
        },
        {
            "GAN0027", "[GanDiscriminator] on 'D' sets Conditioning to 42, which is no LabelConditioning value; name one, e.g. LabelConditioning.Projection",
            "[[|GanDiscriminator(4, Classes = 3, Conditioning = (LabelConditioning)42)|]] [Linear(1)] public partial class D;"
        },
        {
            "GAN0017", "Generator 'G' ends in ReLU, so its samples are not bounded like the data; end the stack with [Tanh] (data in [-1, 1]) or [Sigmoid] (data in [0, 1])",
            "[GanGenerator(LatentDim = 4)] [Linear(8), [|ReLU|], Reshape(2, 2, 2)] public partial class G;"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Diagnostic_has_id_message_and_span(string id, string message, string markup) =>
        DiagnosticExpectation.Single(markup, id, message, id == "GAN0017" ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error);

    [Fact]
    public void Unbounded_output_warning_is_suppressed_by_pragma()
    {
        const string source = """
            using GanDsl;
            #pragma warning disable GAN0017
            [GanGenerator(LatentDim = 4)] [Linear(8), ReLU] public partial class G;
            #pragma warning restore GAN0017
            """;
        var outcome = GeneratorHarness.Run(source);

        var warning = Assert.Single(outcome.Diagnostics);
        Assert.Equal("GAN0017", warning.Id);
        // The compiler filters reported diagnostics through CompilationOptions.FilterDiagnostic, which applies
        // #pragma from the diagnostic's source tree; that only works because the location is in source.
        var filter = typeof(CompilationOptions).GetMethod("FilterDiagnostic",
            System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!;
        var filtered = (Diagnostic?)filter.Invoke(outcome.Output.Options, new object[] { warning, CancellationToken.None });
        Assert.True(filtered is null || filtered.IsSuppressed);

        var unsuppressed = GeneratorHarness.Run(source.Replace("#pragma warning disable GAN0017", ""));
        var kept = (Diagnostic?)filter.Invoke(unsuppressed.Output.Options, new object[] { Assert.Single(unsuppressed.Diagnostics), CancellationToken.None });
        Assert.True(kept is { IsSuppressed: false });
    }
}

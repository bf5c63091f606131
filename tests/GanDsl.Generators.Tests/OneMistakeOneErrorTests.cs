using GanDsl.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace GanDsl.Generators.Tests;

/// <summary>
/// A consumer's compilation: a class with one GanDsl mistake, used from user code (its constructor, Summary, counts and
/// shapes, and in a [Gan&lt;G, D&gt;] pair), gives exactly one error, the GAN one, at the attribute. The failed class
/// still gets a stub with the members the user's code touches. Not covered: GAN0001 (a class that is not partial
/// cannot be extended) and GAN0002 (a class with no role has no members to mirror).
/// </summary>
public class OneMistakeOneErrorTests
{
    private const string OkGenerator = "[GanGenerator(LatentDim = 4)] [Linear(2), Tanh] public partial class OkG;";
    private const string OkDiscriminator = "[GanDiscriminator(2)] [Linear(1)] public partial class OkD;";
    private const string OkBlock = "[GanBlock(8)] [Linear(32), Reshape(8, 2, 2)] public partial class OkBlock;";

    /// <summary>(id, the class that has the mistake: G, D, B, PG, PD, P or R (a pair used with its recipe), its declaration with the error's span marked).</summary>
    public static TheoryData<string, string, string> Cases => new()
    {
        { "GAN0003", "G", "[GanGenerator(LatentDim = 4), [|GanDiscriminator(4)|]] [Linear(2), Tanh] public partial class G;" },
        { "GAN0003", "D", "[GanDiscriminator(2), [|Gan<OkG, D>|]] [Linear(1)] public partial class D;" },
        { "GAN0004", "G", "[[|GanGenerator(LatentDim = 4)|]] public partial class G;" },
        { "GAN0005", "G", "[GanGenerator(LatentDim = 4)] [Linear(2)] public partial class G; [[|Tanh|]] public partial class G;" },
        { "GAN0006", "D", "[GanDiscriminator(1, 28, 28)] [Conv2d(8, 4, 2, 1)] [[|Linear(1)|]] public partial class D;" },
        { "GAN0006", "G", "[GanGenerator(LatentDim = 4)] [[|Conv2d(8, 3)|], Tanh] public partial class G;" },
        { "GAN0007", "G", "[GanGenerator(LatentDim = 2)] [Reshape(2, 1, 1), [|ConvTranspose2d(4, 2, 1, 3)|], Tanh] public partial class G;" },
        { "GAN0007", "D", "[GanDiscriminator(4, 6, 6)] [MaxPool2d(2), [|Conv2d(8, 5)|], Flatten, Linear(1)] public partial class D;" },
        { "GAN0008", "G", "[GanGenerator(LatentDim = 4)] [Linear(512), [|Reshape(1, 28, 28)|], Tanh] public partial class G;" },
        { "GAN0009", "G", "[GanGenerator(LatentDim = 4)] [Linear(8), [|Dropout(1.5)|], Tanh] public partial class G;" },
        { "GAN0009", "D", "[GanDiscriminator(1, 8, 8)] [[|Conv2d(8, 3, 1, -1)|], Flatten, Linear(1)] public partial class D;" },
        { "GAN0009", "G", "[[|GanGenerator(LatentDim = 0)|]] [Linear(2), Tanh] public partial class G;" },
        { "GAN0009", "D", "[[|GanDiscriminator(2, Classes = -1)|]] [Linear(1)] public partial class D;" },
        { "GAN0009", "PG", OkBlock + " [[|ProgressiveGenerator(typeof(OkBlock), ImageChannels = 0)|]] public partial class PG;" },
        { "GAN0010", "G", "[[|GanGenerator|]] [Linear(2), Tanh] public partial class G;" },
        { "GAN0011", "D", "[[|GanDiscriminator|]] [Linear(1)] public partial class D;" },
        { "GAN0012", "P", "public class NotNet; [Gan<OkG, [|NotNet|]>] public partial class P;" },
        { "GAN0013", "P", "[GanDiscriminator(3)] [Linear(1)] public partial class D3; [[|Gan<OkG, D3>|]] public partial class P;" },
        { "GAN0014", "P", "[GanDiscriminator(2)] [Linear(5)] public partial class D5; [Gan<OkG, [|D5|]>] public partial class P;" },
        { "GAN0015", "P", "[GanDiscriminator(2, Classes = 3)] [Linear(1)] public partial class DC; [[|Gan<OkG, DC>|]] public partial class P;" },
        { "GAN0016", "G", "[GanGenerator(LatentDim = 4)] [Linear(65536), Reshape(1, 256, 256), [|Upsample(65536)|], Tanh] public partial class G;" },
        { "GAN0016", "D", "[[|GanDiscriminator(2147483646)|]] [Linear(2147483647), Linear(2147483647), Linear(2147483647)] public partial class D;" },
        { "GAN0019", "B", "[[|GanBlock|]] [Linear(2)] public partial class B;" },
        { "GAN0008", "PG", "[GanBlock(8)] [Linear(32), [|Reshape(8, 3, 3)|]] public partial class G2; [ProgressiveGenerator(typeof(G2))] public partial class PG;" },
        { "GAN0020", "PG", OkBlock + " public class NotBlock; [ProgressiveGenerator(typeof(OkBlock), [|typeof(NotBlock)|])] public partial class PG;" },
        { "GAN0027", "D", "[[|GanDiscriminator(2, Classes = 3, Conditioning = LabelConditioning.Projection)|]] [Linear(4), Tanh] public partial class D;" },
        { "GAN0027", "G", "[[|GanGenerator(LatentDim = 4, Classes = 3, Conditioning = LabelConditioning.ConditionalBatchNorm)|]] [Linear(2), Tanh] public partial class G;" },
        { "GAN0021", "PD", "[GanBlock(8, 2, 2)] [Flatten, Linear(3)] public partial class D2; [ProgressiveDiscriminator([|typeof(D2)|])] public partial class PD;" },
        { "GAN0022", "R", "[Gan<OkG, OkD>(Loss = GanDsl.Training.GanLoss.Hinge, [|CriticSteps = 0|])] public partial class P;" },
        { "GAN0022", "R", "[Gan<OkG, OkD>([|Loss = (GanDsl.Training.GanLoss)9|], DataRange = DataRange.MinusOneToOne)] public partial class P;" },
        { "GAN0023", "R", "[GanDiscriminator(2)] [Linear(1), Sigmoid] public partial class DS; [Gan<OkG, DS>([|Loss = GanDsl.Training.GanLoss.Hinge|])] public partial class P;" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_net_with_one_mistake_used_from_user_code_gives_only_the_gan_error(string id, string used, string markup)
    {
        var (source, span) = Markup.Parse("using GanDsl;\nusing GanDsl.Nn;\n" + markup + "\n" + OkGenerator + "\n" + OkDiscriminator + "\n" + UserCode(used));
        var outcome = GeneratorHarness.Run(source);

        Assert.Null(outcome.Exception);
        var errors = outcome.Diagnostics.Concat(GeneratorHarness.CompileWithRuntime(outcome))
            .Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var error = Assert.Single(errors);
        Assert.Equal(id, error.Id);
        Assert.True(error.Location.IsInSource);
        Assert.Equal(span, error.Location.SourceSpan);
    }

    /// <summary>What a user's program does with the class: build it, read its summary, counts and shapes, pair it.</summary>
    private static string UserCode(string used) => used switch
    {
        "G" or "D" => $$"""
            [Gan<{{(used == "G" ? "G, OkD" : "OkG, D")}}>] public partial class UsePair;
            public static class User
            {
                public static string Use()
                {
                    var net = new {{used}}(1);
                    IGan pair = new UsePair(2);
                    return {{used}}.Summary.ToString(64) + {{used}}.ParameterCount + {{RoleMembers(used)}} + net.Classes + pair.Discriminator.Classes;
                }
            }
            """,
        "B" => "public static class User { public static string Use() => B.Summary.ToString(64) + B.ParameterCount + new B(1).OutputShape.Length; }",
        "P" => "public static class User { public static string Use() => ((IGan)new P(1)).Generator.LatentDim + new P().Discriminator.ToString(); }",
        "R" => "public static class User { public static string Use() => ((IGan)new P(1)).Generator.LatentDim + new P().Discriminator.ToString()"
            + " + P.Recipe + P.DefaultConfig.Loss + ((IGan)new P()).Recipe; }",
        _ => $"public static class User {{ public static string Use() => {used}.Summary.ToString(64) + {used}.ParameterCount + new {used}(1).Stage; }}",
    };

    /// <summary>The shape members a generator and a discriminator have (static on one side, instance on the other).</summary>
    private static string RoleMembers(string used) => used == "G"
        ? "G.InputShape.Length + net.OutputShape.Length + net.LatentDim"
        : "D.OutputShape.Length + net.InputShape.Length + (net.OutputsProbability ? 1 : 0)";
}

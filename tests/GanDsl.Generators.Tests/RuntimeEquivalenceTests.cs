using CsCheck;
using GanDsl.Generators.Tests.Support;
using GanDsl.Nn;
using GanDsl.Shapes;
using GanDsl.Tensors;
using GanDsl.Tests;

namespace GanDsl.Generators.Tests;

/// <summary>
/// Generated modules run on the real runtime: compile-time shapes and counts equal what Forward produces and
/// what the constructor allocates, and the attribute-free <see cref="LayerStack"/> builds the same network.
/// </summary>
public class RuntimeEquivalenceTests
{
    [Fact]
    public void Generated_discriminator_agrees_with_runtime_and_layer_stack() =>
        StackPropertyTests.ConvStacks.Where(s => s.Expected() != null).ForAll(stack =>
        {
            var assembly = GeneratorHarness.Load(GeneratorHarness.Run(stack.Source()));
            var type = assembly.GetType("D")!;
            var net = (DiscriminatorModule)Activator.CreateInstance(type, 7UL)!;
            long declared = (long)type.GetField("ParameterCount")!.GetValue(null)!;
            var summary = (ModelSummary)type.GetProperty("Summary")!.GetValue(null)!;
            var runtime = LayerStack.Build(summary.InputShape, summary.Layers.ToArray());
            var input = Tensor.Zeros(new[] { 2 }.Concat(net.InputShape).ToArray());
            net.Eval();
            runtime.Eval();

            return declared == net.ParameterElementCount()
                && declared == runtime.ParameterElementCount()
                && net.Score(input, null).Shape == new Shape(2, 1)
                && runtime.Forward(input).Shape == new Shape(2, 1)
                && net.StateDict().Select(p => p.Name).SequenceEqual(runtime.StateDict().Select(p => p.Name));
        }, iter: 15);

    [Fact]
    public void Sample_nets_generate_and_score_with_their_declared_shapes()
    {
        var assembly = GeneratorHarness.Load(GeneratorHarness.Run(SampleNets.Vanilla, SampleNets.Dcgan));
        foreach (var name in new[] { "Samples.VanillaGan", "Samples.Dcgan" })
        {
            var gan = (IGan)Activator.CreateInstance(assembly.GetType(name)!, 42UL)!;
            gan.Generator.Eval();
            gan.Discriminator.Eval();
            var samples = gan.Generator.Generate(Tensor.Zeros(3, gan.Generator.LatentDim), null);
            Assert.Equal(new Shape(new[] { 3 }.Concat(gan.Generator.OutputShape).ToArray()), samples.Shape);
            Assert.Equal(new Shape(3, 1), gan.Discriminator.Score(samples, null).Shape);
            Assert.Equal(Const(gan.Generator), gan.Generator.ParameterElementCount());
            Assert.Equal(Const(gan.Discriminator), gan.Discriminator.ParameterElementCount());
        }
    }

    [Fact]
    public void Conditional_nets_mix_labels_in_and_name_the_embedding_emb()
    {
        var assembly = GeneratorHarness.Load(GeneratorHarness.Run(SampleNets.Conditional));
        var labels = new[] { 0, 3, 9 };
        var generator = (GeneratorModule)Activator.CreateInstance(assembly.GetType("Samples.Conditional.CondGenerator")!, 1UL)!;
        generator.Eval();
        var samples = generator.Generate(Tensor.Zeros(3, 64), labels);
        Assert.Equal(new Shape(3, 1, 28, 28), samples.Shape);
        Assert.Equal("emb.weight", generator.StateDict()[0].Name);
        Assert.Equal(Const(generator), generator.ParameterElementCount());

        foreach (var name in new[] { "CondPlanesDiscriminator", "CondFlatDiscriminator" })
        {
            var d = (DiscriminatorModule)Activator.CreateInstance(assembly.GetType("Samples.Conditional." + name)!, 2UL)!;
            d.Eval();
            Assert.Equal(new Shape(3, 1), d.Score(samples, labels).Shape);
            Assert.Equal(Const(d), d.ParameterElementCount());
            Assert.Throws<ArgumentNullException>(() => d.Score(samples, null));
        }
    }

    [Fact]
    public void Projection_and_conditional_batch_norm_nets_name_their_label_modules_and_count_them()
    {
        var assembly = GeneratorHarness.Load(GeneratorHarness.Run(SampleNets.LabelTerms));
        var gan = (IGan)Activator.CreateInstance(assembly.GetType("Samples.Projection.ProjectionGan")!, 3UL)!;
        var labels = new[] { 0, 3, 9, 9 };
        var samples = gan.Generator.Generate(Tensor.Zeros(4, 32), labels);
        Assert.Equal(new Shape(4, 1, 28, 28), samples.Shape);
        Assert.Equal(new Shape(4, 1), gan.Discriminator.Score(samples, labels).Shape);

        Assert.Equal(["cbn.1.gain.weight", "cbn.1.bias.weight", "cbn.5.gain.weight", "cbn.5.bias.weight"],
            gan.Generator.NamedParameters().Select(p => p.Name).Where(n => n.StartsWith("cbn.", StringComparison.Ordinal)));
        Assert.DoesNotContain(gan.Generator.NamedParameters(), p => p.Name is "1.weight" or "5.weight"); // their batch norms have no affine
        Assert.Equal(["emb.weight", "0.bias", "0.weight_orig", "0.weight_u", "0.weight_v"], gan.Discriminator.StateDict().Take(5).Select(e => e.Name));
        Assert.Equal(new Shape(10, 32 * 7 * 7), gan.Discriminator.StateDict()[0].Value.Shape);
        Assert.Equal(Const(gan.Generator), gan.Generator.ParameterElementCount());
        Assert.Equal(Const(gan.Discriminator), gan.Discriminator.ParameterElementCount());
        Assert.Throws<ArgumentNullException>(() => gan.Discriminator.Score(samples, null));

        // The label terms act: other labels, other samples (once the per-class tables differ from their initial 1 and 0) and other scores.
        foreach (var (_, table) in gan.Generator.NamedParameters().Where(p => p.Name.StartsWith("cbn.", StringComparison.Ordinal)))
            new Rng(4).FillNormal(table.Data, 1f, 0.5f);
        samples = gan.Generator.Generate(Tensor.Zeros(4, 32), labels);
        var other = gan.Generator.Generate(Tensor.Zeros(4, 32), [1, 1, 1, 1]);
        Assert.NotEqual(samples.Data, other.Data);
        Assert.NotEqual(gan.Discriminator.Score(samples, labels).Data, gan.Discriminator.Score(samples, [1, 1, 1, 1]).Data);
    }

    [Fact]
    public void Dcgan_init_and_seed_are_deterministic()
    {
        var assembly = GeneratorHarness.Load(GeneratorHarness.Run(SampleNets.Dcgan));
        var type = assembly.GetType("Samples.DcganGenerator")!;
        var a = (Module)Activator.CreateInstance(type, 5UL)!;
        var b = (Module)Activator.CreateInstance(type, 5UL)!;
        var c = (Module)Activator.CreateInstance(type, 6UL)!;

        Assert.Equal(a.StateDict()[0].Value.Data, b.StateDict()[0].Value.Data);
        Assert.NotEqual(a.StateDict()[0].Value.Data, c.StateDict()[0].Value.Data);
        var weights = a.NamedParameters().First(p => p.Name == "1.weight").Value.Data;
        double mean = weights.Average(w => (double)w), std = Math.Sqrt(weights.Average(w => (w - mean) * (w - mean)));
        Assert.InRange(std, 0.018, 0.022); // DCGAN's N(0, 0.02)
    }

    [Fact]
    public void Generated_summary_prints_the_approved_torchinfo_table()
    {
        var assembly = GeneratorHarness.Load(GeneratorHarness.Run(SampleNets.Vanilla));
        var summary = (ModelSummary)assembly.GetType("Samples.VanillaGenerator")!.GetProperty("Summary")!.GetValue(null)!;

        Snapshot.Verify(summary.ToString(64), "VanillaGenerator64", SnapshotFile("SummaryTests.cs"));
    }

    private static string SnapshotFile(string testFile, [System.Runtime.CompilerServices.CallerFilePath] string self = "") =>
        Path.Combine(Path.GetDirectoryName(self)!, testFile);

    private static long Const(object net) => (long)net.GetType().GetField("ParameterCount")!.GetValue(null)!;
}

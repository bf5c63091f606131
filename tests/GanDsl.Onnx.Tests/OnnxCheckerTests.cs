using GanDsl.Models;
using GanDsl.Nn;
using GanDsl.Onnx.Tests.Support;
using Google.Protobuf;
using ModelProto = global::Onnx.ModelProto;

namespace GanDsl.Onnx.Tests;

/// <summary>ONNX's own checker (full check, with strict shape inference) accepts every file GanDsl writes, the layers of issue 19 included.</summary>
public class OnnxCheckerTests
{
    [Fact]
    public void The_checker_accepts_every_reference_net_the_test_nets_a_fading_progressive_pair_and_opset_11()
    {
        using var folder = new TempFolder();
        var files = new List<string>();
        void Add(string name, byte[] bytes)
        {
            files.Add(folder.File(name + ".onnx"));
            File.WriteAllBytes(files[^1], bytes);
        }
        foreach (var model in ModelCatalog.All)
        {
            var gan = ReferenceModelParityTests.Create(model.Name);
            Add(model.Name + "-generator", OnnxExport.ToBytes(gan.Generator));
            Add(model.Name + "-discriminator", OnnxExport.ToBytes(gan.Discriminator));
        }
        var fading = new ProgressiveFashionGan(seed: 1);
        fading.Advance(3000 + 375);
        Add("progressive-fading-generator", OnnxExport.ToBytes(fading.Generator));
        Add("progressive-fading-discriminator", OnnxExport.ToBytes(fading.Discriminator));
        Add("every-kind", OnnxExport.ToBytes(new EveryKindGenerator(seed: 1)));
        Add("flatten-embedding", OnnxExport.ToBytes(new FlattenEmbeddingDiscriminator(seed: 1)));
        Add("flat-embedding", OnnxExport.ToBytes(new FlatEmbeddingDiscriminator(seed: 1)));
        Add("cgan-opset-11", OnnxExport.ToBytes((DiscriminatorModule)new CganDiscriminator(seed: 1), new OnnxExportOptions { Opset = 11 }));
        Add("every-kind-opset-11", OnnxExport.ToBytes(new EveryKindGenerator(seed: 1), new OnnxExportOptions { Opset = 11 }));
        Add("new-layers-generator", OnnxExport.ToBytes(new NewLayersGenerator(seed: 1)));
        Add("new-layers-critic", OnnxExport.ToBytes(new NewLayersCritic(seed: 1)));
        Add("projection", OnnxExport.ToBytes(new ProjectionDiscriminator(seed: 1)));
        Add("conditional-batch-norm", OnnxExport.ToBytes(new ConditionalNormGenerator(seed: 1)));
        Add("new-layers-critic-opset-11", OnnxExport.ToBytes(new NewLayersCritic(seed: 1), new OnnxExportOptions { Opset = 11 }));
        Add("projection-opset-11", OnnxExport.ToBytes(new ProjectionDiscriminator(seed: 1), new OnnxExportOptions { Opset = 11 }));

        var lines = OnnxChecker.Check(files.ToArray());

        Assert.All(lines, line => Assert.StartsWith("ok 8 ", line));
        Assert.Equal(files.Count - 4, lines.Count(l => l.StartsWith("ok 8 17 ", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_checker_rejects_a_file_whose_node_reads_a_weight_that_is_not_there()
    {
        using var folder = new TempFolder();
        var model = ModelProto.Parser.ParseFrom(OnnxExport.ToBytes(new SevenBitGenerator(seed: 1)));
        model.Graph.Initializer.RemoveAt(0);
        string path = folder.File("broken.onnx");
        File.WriteAllBytes(path, model.ToByteArray());

        var (accepted, lines, _) = OnnxChecker.Run(path);

        Assert.False(accepted, "the checker accepted a graph with a missing weight, so its acceptance of the exported files shows nothing");
        Assert.StartsWith("FAILED", Assert.Single(lines));
    }
}

using GanDsl.Nn;
using GanDsl.Nn.Progressive;
using GanDsl.Shapes;

namespace GanDsl.Models.Tests;

/// <summary>Every declared net reports its layer stack as data (what the TorchSharp engine and the ONNX exporter rebuild).</summary>
public class ArchitectureTests
{
    [Fact]
    public void Each_declared_net_reports_its_summary_stack_conditioning_and_init()
    {
        foreach (var model in ModelCatalog.All)
        {
            var gan = model.Create(1);
            if (gan.Generator is ProgressiveGenerator) continue; // a progressive net is no single stack; its blocks are checked below
            var g = gan.Generator.Architecture!;
            var d = gan.Discriminator.Architecture!;
            Assert.Equal(model.GeneratorSummary.Layers, g.Layers);
            Assert.Equal(model.GeneratorSummary.InputShape, g.StackInput);
            Assert.Equal(model.DiscriminatorSummary.Layers, d.Layers);
            Assert.Equal(gan.Generator.Classes, g.Classes);
            Assert.Equal(gan.Discriminator.Classes, d.Classes);
        }
    }

    [Theory]
    [InlineData("cgan", LabelConditioning.OneHotPlanesAndClassifier)]
    [InlineData("cgan-planes", LabelConditioning.OneHotPlanes)]
    public void The_conditional_dcgans_embed_labels_in_g_and_add_planes_in_d_with_dcgan_init(string name, LabelConditioning discriminator)
    {
        var gan = ModelCatalog.Get(name).Create(1);
        Assert.Equal(LabelConditioning.EmbeddingAtInput, gan.Generator.Architecture!.Conditioning);
        Assert.Equal(discriminator, gan.Discriminator.Architecture!.Conditioning);
        Assert.Equal(Init.Dcgan, gan.Generator.Architecture.Init);
        Assert.Equal(new[] { 110 }, gan.Generator.Architecture.StackInput);
        Assert.Equal(new[] { 11, 28, 28 }, gan.Discriminator.Architecture.StackInput);
    }

    [Fact]
    public void Progressive_blocks_and_layer_stacks_report_theirs_and_single_layers_none()
    {
        var g = (ProgressiveGenerator)ModelCatalog.Get("progressive").Create(1).Generator;
        Assert.Null(g.Architecture);
        Assert.All(g.Blocks, b => Assert.Equal(b.InputShape, b.Architecture!.StackInput));
        var stack = LayerStack.Build(new[] { 4 }, LayerSpec.Linear(3), LayerSpec.Tanh());
        Assert.Equal(new[] { LayerSpec.Linear(3), LayerSpec.Tanh() }, stack.Architecture!.Layers);
        Assert.Null(new Linear(2, 3).Architecture);
    }
}

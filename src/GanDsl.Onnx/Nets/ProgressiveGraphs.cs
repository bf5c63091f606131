using System.Globalization;
using GanDsl.Nn.Progressive;
using GanDsl.Onnx.Graph;
using GanDsl.Shapes;

namespace GanDsl.Onnx.Nets;

/// <summary>
/// A progressive net at the stage and fade-in α it stands at: the graph computes exactly that stage's forward pass
/// (blocks, 1×1 image heads, the α blend while a block fades in, the resolution changes), as its Generate/Score does.
/// Other stages' weights are not written; export again after moving the net (a checkpoint restores its stage).
/// </summary>
internal static class ProgressiveGraphs
{
    /// <summary>ProgressiveDiscriminator's from-image heads end in LeakyReLU(0.2).</summary>
    private const double HeadSlope = 0.2;

    public static GraphSignature Generator(NetGraphBuilder builder, ProgressiveGenerator generator)
    {
        string owner = generator.GetType().Name;
        int stage = generator.Stage;
        float alpha = generator.Alpha;
        var weights = new NetWeights(generator, owner);
        var graph = builder.Graph;
        var blocks = Blocks(builder, generator.Blocks, stage, owner);

        var input = GeneratorGraph.Latent(graph, generator.LatentDim);
        string h = input.Name;
        // Block 0 always runs (it turns z into the first feature map); the stage's own block runs below, before its head.
        for (int k = 0; k < Math.Max(stage, 1); k++) h = builder.Stack(weights, blocks[k], h, Block(k));
        string image;
        if (stage == 0) image = ToImage(builder, weights, generator, 0, h);
        else
        {
            string grown = ToImage(builder, weights, generator, stage, builder.Stack(weights, blocks[stage], h, Block(stage)));
            if (alpha >= 1f) image = grown;
            else
            {
                int factor = generator.Blocks[stage].OutputShape[1] / generator.Blocks[stage - 1].OutputShape[1];
                string previous = CommonNodes.UpsampleNearest(graph, "fade.Resize", ToImage(builder, weights, generator, stage - 1, h), factor);
                image = CommonNodes.FadeIn(graph, "fade", previous, grown, alpha);
            }
        }
        image = graph.Node("Tanh", "image.Tanh", [image]);
        int toFinal = generator.OutputShape[1] / generator.StageImageShape(stage)[1];
        if (toFinal > 1) image = CommonNodes.UpsampleNearest(graph, "image.Resize", image, toFinal);

        var output = GeneratorGraph.Sample(graph, image, generator.OutputShape, OutputRange.MinusOneToOne);
        var facts = GeneratorGraph.Facts(generator);
        facts.AddRange(Progress(stage, generator.StageCount, alpha, generator.StageImageShape(stage)));
        return new GraphSignature("generator", owner, [input], output, OutputRange.MinusOneToOne, facts);
    }

    public static GraphSignature Discriminator(NetGraphBuilder builder, ProgressiveDiscriminator discriminator)
    {
        string owner = discriminator.GetType().Name;
        int stage = discriminator.Stage;
        float alpha = discriminator.Alpha;
        var weights = new NetWeights(discriminator, owner);
        var graph = builder.Graph;
        var blocks = Blocks(builder, discriminator.Blocks, stage, owner);

        var input = DiscriminatorGraph.Sample(graph, discriminator.InputShape);
        string image = Pool(graph, "image.AveragePool", input.Name, discriminator.InputShape[1] / discriminator.StageImageShape(stage)[1]);
        string h = builder.Stack(weights, blocks[stage], FromImage(builder, weights, discriminator, stage, image), Block(stage));
        if (stage > 0 && alpha < 1f)
        {
            int factor = discriminator.StageImageShape(stage)[1] / discriminator.StageImageShape(stage - 1)[1];
            string previous = FromImage(builder, weights, discriminator, stage - 1, Pool(graph, "fade.AveragePool", image, factor));
            h = CommonNodes.FadeIn(graph, "fade", previous, h, alpha);
        }
        for (int k = stage - 1; k >= 0; k--) h = builder.Stack(weights, blocks[k], h, Block(k));

        string range = OutputRange.Of(blocks[0].Layers);
        var facts = new List<KeyValuePair<string, string>> { new("gandsl.classes", "0") };
        facts.AddRange(Progress(stage, discriminator.StageCount, alpha, discriminator.StageImageShape(stage)));
        return new GraphSignature("discriminator", owner, [input], DiscriminatorGraph.Score(graph, h, range), range, facts);
    }

    /// <summary>The stacks of blocks 0…<paramref name="stage"/>, each checked for an exact form before anything is written.</summary>
    private static Nn.NetArchitecture[] Blocks(NetGraphBuilder builder, IReadOnlyList<BlockModule> blocks, int stage, string owner)
    {
        var result = new Nn.NetArchitecture[stage + 1];
        for (int k = 0; k <= stage; k++)
        {
            string name = $"{blocks[k].GetType().Name} (stage {k + 1} of {owner})";
            result[k] = NetGraphBuilder.Declared(blocks[k], name);
            builder.RequireExact(result[k].Layers, name);
        }
        return result;
    }

    private static string ToImage(NetGraphBuilder builder, NetWeights weights, ProgressiveGenerator generator, int stage, string input) =>
        builder.Layer(weights, LayerSpec.Conv2d(generator.ImageChannels, 1), "to_image." + CommonNodes.Int(stage), input, generator.Blocks[stage].OutputShape);

    private static string FromImage(NetGraphBuilder builder, NetWeights weights, ProgressiveDiscriminator discriminator, int stage, string image)
    {
        string path = "from_image." + CommonNodes.Int(stage);
        var shape = discriminator.StageImageShape(stage);
        string conv = builder.Layer(weights, LayerSpec.Conv2d(discriminator.Blocks[stage].InputShape[0], 1), path, image, shape);
        return builder.Layer(weights, LayerSpec.LeakyReLU(HeadSlope), path, conv, discriminator.Blocks[stage].InputShape);
    }

    private static string Pool(OnnxGraph graph, string name, string input, int factor) =>
        factor > 1 ? CommonNodes.AveragePool(graph, name, input, factor) : input;

    private static string Block(int k) => "blocks." + CommonNodes.Int(k) + ".";

    private static IEnumerable<KeyValuePair<string, string>> Progress(int stage, int stageCount, float alpha, int[] stageImage) =>
    [
        new("gandsl.stage", CommonNodes.Int(stage + 1) + " of " + CommonNodes.Int(stageCount)),
        new("gandsl.alpha", alpha.ToString("R", CultureInfo.InvariantCulture)),
        new("gandsl.stage_resolution", CommonNodes.Int(stageImage[1]) + "x" + CommonNodes.Int(stageImage[2])),
    ];
}

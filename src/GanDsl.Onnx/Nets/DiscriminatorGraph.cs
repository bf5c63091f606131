using GanDsl.Nn;
using GanDsl.Nn.Progressive;
using GanDsl.Onnx.Graph;

namespace GanDsl.Onnx.Nets;

/// <summary>
/// A declared discriminator's graph: a sample (and <c>label</c>) in, <c>score</c> [N, 1] out. An auxiliary classifier scores
/// without labels, so its graph takes none; its class head (a training-time term) is left out.
/// </summary>
internal static class DiscriminatorGraph
{
    public static GraphSignature Build(NetGraphBuilder builder, DiscriminatorModule discriminator)
    {
        if (discriminator is ProgressiveDiscriminator progressive) return ProgressiveGraphs.Discriminator(builder, progressive);
        string owner = discriminator.GetType().Name;
        var architecture = NetGraphBuilder.Declared(discriminator, owner);
        builder.RequireExact(architecture.Layers, owner);
        var weights = new NetWeights(discriminator, owner);
        var graph = builder.Graph;
        var shape = discriminator.InputShape;

        var sample = Sample(graph, shape);
        var inputs = new List<GraphValue> { sample };
        string x = sample.Name;
        Func<int, string, string, string>? labelTerm = null;
        if (discriminator.Classes > 0 && architecture.Conditioning == LabelConditioning.Projection)
        {
            inputs.Add(NetInputs.DeclareLabel(graph, discriminator.Classes));
            int head = architecture.ProjectionHead;
            labelTerm = (i, layerInput, output) => i == head ? NetInputs.AddProjection(graph, weights, layerInput, output) : output;
        }
        else if (discriminator.Classes > 0 && architecture.Conditioning != LabelConditioning.AuxiliaryClassifier)
        {
            inputs.Add(NetInputs.DeclareLabel(graph, discriminator.Classes));
            x = architecture.Conditioning switch
            {
                LabelConditioning.OneHotPlanes or LabelConditioning.OneHotPlanesAndClassifier => NetInputs.ConcatOneHotPlanes(graph, x, discriminator.Classes, shape[1], shape[2]),
                LabelConditioning.EmbeddingAtInput => NetInputs.ConcatEmbedding(graph, weights, x),
                // The stack's leading Flatten then meets a flat batch and leaves it as it is, as in the generated Score.
                LabelConditioning.EmbeddingAfterFlatten => NetInputs.ConcatEmbedding(graph, weights, graph.Node("Flatten", "emb.Flatten", [x], OnnxGraph.Int("axis", 1))),
                _ => throw new OnnxExportException($"{owner} is conditional on {discriminator.Classes} classes but reports no way of mixing labels in; export the net its declaration generated."),
            };
        }
        string y = builder.Stack(weights, architecture, x, "", labelTerm);
        string range = OutputRange.Of(architecture.Layers);
        return new GraphSignature("discriminator", owner, inputs, Score(graph, y, range), range,
            [new("gandsl.classes", CommonNodes.Int(discriminator.Classes))]);
    }

    public static GraphValue Sample(OnnxGraph graph, int[] shape) =>
        NetInputs.Declare(graph, new GraphValue(NetInputs.SampleName(shape), "float32", shape, "samples to score, in the range the generator draws them"));

    public static GraphValue Score(OnnxGraph graph, string value, string range)
    {
        var output = new GraphValue("score", "float32", [1], range == OutputRange.ZeroToOne ? "one probability per sample, values [0, 1]" : "one logit or critic value per sample, values " + range);
        graph.Output(output.Name, value, output.PerSample, output.Meaning);
        return output;
    }
}

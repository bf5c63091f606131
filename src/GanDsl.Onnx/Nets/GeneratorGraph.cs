using GanDsl.Nn;
using GanDsl.Nn.Progressive;
using GanDsl.Onnx.Graph;
using GanDsl.Shapes;

namespace GanDsl.Onnx.Nets;

/// <summary>A declared generator's graph: <c>z</c> (and <c>label</c>) in, one sample per row out.</summary>
internal static class GeneratorGraph
{
    public static GraphSignature Build(NetGraphBuilder builder, GeneratorModule generator)
    {
        if (generator is ProgressiveGenerator progressive) return ProgressiveGraphs.Generator(builder, progressive);
        string owner = generator.GetType().Name;
        var architecture = NetGraphBuilder.Declared(generator, owner);
        builder.RequireExact(architecture.Layers, owner);
        var weights = new NetWeights(generator, owner);
        var graph = builder.Graph;

        var inputs = new List<GraphValue> { Latent(graph, generator.LatentDim) };
        string x = "z";
        Func<int, string, string, string>? labelTerm = null;
        if (generator.Classes > 0)
        {
            if (architecture.Conditioning is not (LabelConditioning.EmbeddingAtInput or LabelConditioning.ConditionalBatchNorm))
                throw new OnnxExportException($"{owner} mixes its labels in as {architecture.Conditioning}, which GanDsl.Onnx does not write for a generator; declare it with [GanGenerator(Classes = …)].");
            inputs.Add(NetInputs.DeclareLabel(graph, generator.Classes));
            if (architecture.Conditioning == LabelConditioning.EmbeddingAtInput) x = NetInputs.ConcatEmbedding(graph, weights, x);
            else
            {
                var norms = new HashSet<int>(architecture.ConditionalNorms);
                labelTerm = (i, _, output) => !norms.Contains(i) ? output
                    : NetInputs.ClassAffine(graph, weights, LabelLayout.ConditionalNormName(i), output, architecture.LayerInput(i)[0], architecture.LayerInput(i).Length);
            }
        }
        string y = builder.Stack(weights, architecture, x, "", labelTerm);
        string range = OutputRange.Of(architecture.Layers);
        var output = Sample(graph, y, generator.OutputShape, range);
        return new GraphSignature("generator", owner, inputs, output, range, Facts(generator));
    }

    public static GraphValue Latent(OnnxGraph graph, int latentDim) =>
        NetInputs.Declare(graph, new GraphValue("z", "float32", [latentDim], "latent noise, one N(0, 1) vector per sample"));

    public static GraphValue Sample(OnnxGraph graph, string value, int[] perSample, string range)
    {
        var output = new GraphValue(NetInputs.SampleName(perSample), "float32", perSample, "generated samples, values " + range);
        graph.Output(output.Name, value, perSample, output.Meaning);
        return output;
    }

    public static List<KeyValuePair<string, string>> Facts(GeneratorModule generator) =>
    [
        new("gandsl.latent_dim", CommonNodes.Int(generator.LatentDim)),
        new("gandsl.classes", CommonNodes.Int(generator.Classes)),
    ];
}

using GanDsl.Nn;
using GanDsl.Onnx.Graph;
using GanDsl.Onnx.Layers;
using GanDsl.Shapes;

namespace GanDsl.Onnx.Nets;

/// <summary>Writes declared layer stacks into one graph through the per-kind ONNX mappings.</summary>
internal sealed class NetGraphBuilder(int opset, IReadOnlyDictionary<LayerKind, OnnxLayerMapping> mappings)
{
    public OnnxGraph Graph { get; } = new(opset);

    /// <summary>
    /// Refuses, before any node is written, a stack with a layer that has no exact ONNX form, naming the layer, where it
    /// stands and why.
    /// </summary>
    public void RequireExact(IReadOnlyList<LayerSpec> layers, string owner)
    {
        for (int i = 0; i < layers.Count; i++)
        {
            if (!mappings.TryGetValue(layers[i].Kind, out var mapping))
                throw new OnnxExportException($"{layers[i].Describe()} at layer {i + 1} of {owner} has no ONNX mapping in this version of GanDsl.Onnx; export a net without it or update GanDsl.Onnx.");
            if (mapping.NoExactForm is { } reason)
                throw new OnnxExportException($"{layers[i].Describe()} at layer {i + 1} of {owner} has no exact ONNX form: {reason.TrimEnd('.')}; no file was written.");
        }
    }

    /// <summary>
    /// The stack's nodes on <paramref name="input"/>; weights and node names under <paramref name="prefix"/> (<c>""</c>,
    /// <c>"blocks.1."</c>). <paramref name="labelTerm"/>, when given, sees each layer's index, input and output and returns
    /// the value the next layer receives (a projection or a per-class affine adds its label term there).
    /// </summary>
    public string Stack(NetWeights weights, NetArchitecture architecture, string input, string prefix, Func<int, string, string, string>? labelTerm = null)
    {
        var shapes = ShapeInference.InferStack(architecture.StackInput, architecture.Layers);
        if (!shapes.IsValid) throw new OnnxExportException($"{weights.Owner}'s layers do not fit together ({shapes.Error!.Message}); fix the declaration before exporting.");
        string value = input;
        for (int i = 0; i < architecture.Layers.Count; i++)
        {
            string output = Layer(weights, architecture.Layers[i], prefix + CommonNodes.Int(i), value, i == 0 ? shapes.Input : shapes.Outputs[i - 1]);
            value = labelTerm is null ? output : labelTerm(i, value, output);
        }
        return value;
    }

    /// <summary>One layer whose weights sit at <paramref name="path"/> in the state dict (also used for a progressive net's 1×1 heads).</summary>
    public string Layer(NetWeights weights, LayerSpec layer, string path, string input, IReadOnlyList<int> inputShape)
    {
        if (!mappings.TryGetValue(layer.Kind, out var mapping) || mapping.NoExactForm is not null)
            RequireExact([layer], weights.Owner);
        return mapping!.Emit(new LayerNodes(Graph, weights, layer, path, input, inputShape));
    }

    /// <summary>The architecture a declared net reports, or the sentence that says this module is not one.</summary>
    public static NetArchitecture Declared(Module net, string owner) => net.Architecture
        ?? throw new OnnxExportException($"{owner} is not a declared layer stack (it reports no Architecture), so GanDsl cannot write its graph; declare it with [GanGenerator], [GanDiscriminator] or [GanBlock], or build it with LayerStack.");
}

using GanDsl.Onnx.Graph;
using GanDsl.Shapes;

namespace GanDsl.Onnx.Layers;

/// <summary>
/// One layer being written into a graph: the layer as declared, the value it receives and that value's per-sample shape,
/// and its place in the net's state dict (<c>"3"</c>, <c>"blocks.1.0"</c>), which names its weights and its nodes.
/// </summary>
internal sealed class LayerNodes(OnnxGraph graph, NetWeights weights, LayerSpec layer, string path, string input, IReadOnlyList<int> inputShape)
{
    public OnnxGraph Graph { get; } = graph;
    public LayerSpec Layer { get; } = layer;
    public string Path { get; } = path;
    public string Input { get; } = input;
    public IReadOnlyList<int> InputShape { get; } = inputShape;

    /// <summary>Adds the layer's node <paramref name="opType"/>, named <c>path.OpType</c>; returns its output.</summary>
    public string Node(string opType, IEnumerable<string> inputs, params AttributeProto[] attributes) =>
        Graph.Node(opType, Path + "." + opType, inputs, attributes);

    /// <summary>The layer's input through one node with no other inputs.</summary>
    public string Node(string opType, params AttributeProto[] attributes) => Node(opType, [Input], attributes);

    /// <summary>The weight <paramref name="name"/> (<c>weight</c>, <c>running_mean</c> …) as an initializer with its state dict name.</summary>
    public string Parameter(string name) => Graph.Initializer(Path + "." + name, weights.Get(Path + "." + name));

    /// <summary>
    /// The layer's input, its weight and, when the layer has one (<c>bias</c> true), its bias. A spectrally normalised layer's
    /// weight is what its evaluation-mode forward uses, <c>weight_orig</c>/σ from the stored u and v (computed by the same
    /// managed op), written under the name PyTorch gives that weight, <c>weight</c>.
    /// </summary>
    public IEnumerable<string> InputWeightAndBias()
    {
        var inputs = new List<string> { Input, Layer.Get<bool>("spectralNorm") ? NormalizedWeight() : Parameter("weight") };
        if (Layer.Get<bool>("bias")) inputs.Add(Parameter("bias"));
        return inputs;
    }

    public int Int(string argument) => Layer.Get<int>(argument);

    private string NormalizedWeight()
    {
        int dim = Layer.Kind == LayerKind.ConvTranspose2d ? 1 : 0; // spectral_norm's rows: a transposed convolution's output channels
        var u = weights.Get(Path + ".weight_u").Clone();            // evaluation takes no power-iteration step, but keep the net's own untouched
        var v = weights.Get(Path + ".weight_v").Clone();
        var weight = Autograd.Ops.SpectralNormWeight(weights.Get(Path + ".weight_orig").Detach(), u, v, dim, powerIteration: false);
        return Graph.Initializer(Path + ".weight", weight);
    }
}

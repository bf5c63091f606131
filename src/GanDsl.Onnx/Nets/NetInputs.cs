using GanDsl.Onnx.Graph;
using static GanDsl.Onnx.Graph.OnnxGraph;

namespace GanDsl.Onnx.Nets;

/// <summary>The graph inputs nets share (a sample, the label) and the nodes that mix labels into a stack's input.</summary>
internal static class NetInputs
{
    public const string Label = "label";

    /// <summary>"image" for a per-sample [C, H, W] tensor, "sample" otherwise.</summary>
    public static string SampleName(IReadOnlyList<int> perSample) => perSample.Count == 3 ? "image" : "sample";

    public static GraphValue Declare(OnnxGraph graph, GraphValue value)
    {
        var type = value.ElementType == "int64" ? TensorProto.Types.DataType.Int64 : TensorProto.Types.DataType.Float;
        graph.Input(value.Name, type, value.PerSample, value.Meaning);
        return value;
    }

    public static GraphValue DeclareLabel(OnnxGraph graph, int classes) =>
        Declare(graph, new GraphValue(Label, "int64", [], $"one class index per sample, in [0, {CommonNodes.Int(classes)})"));

    /// <summary>concat(<paramref name="input"/>, Embedding(label)) along axis 1: the embedding table is <c>emb.weight</c>.</summary>
    public static string ConcatEmbedding(OnnxGraph graph, NetWeights weights, string input)
    {
        string table = graph.Initializer("emb.weight", weights.Get("emb.weight"));
        string embedded = graph.Node("Gather", "emb.Gather", [table, Label], Int("axis", 0));
        return graph.Node("Concat", "emb.Concat", [input, embedded], Int("axis", 1));
    }

    /// <summary>
    /// concat(<paramref name="image"/>, one-hot planes) along the channels: OneHot gives [N, classes], a reshape
    /// [N, classes, 1, 1], and Expand broadcasts it over the image's [height, width].
    /// </summary>
    public static string ConcatOneHotPlanes(OnnxGraph graph, string image, int classes, int height, int width)
    {
        string depth = graph.Int64s("label.depth", [classes]);
        string values = graph.Floats("label.off_on", [0f, 1f], 2);
        string hot = graph.Node("OneHot", "label.OneHot", [Label, depth, values], Int("axis", -1));
        string column = graph.Node("Reshape", "label.Reshape", [hot, graph.Int64s("label.plane_shape", [0, classes, 1, 1], 4)]);
        string planes = graph.Node("Expand", "label.Expand", [column, graph.Int64s("label.image_size", [1, 1, height, width], 4)]);
        return graph.Node("Concat", "label.Concat", [image, planes], Int("axis", 1));
    }

    /// <summary>
    /// A projection discriminator's head: <paramref name="headOutput"/> + Σ_f h[n, f]·emb.weight[label[n], f], with h the head
    /// Linear's input <paramref name="features"/> [N, F].
    /// </summary>
    public static string AddProjection(OnnxGraph graph, NetWeights weights, string features, string headOutput)
    {
        string table = graph.Initializer("emb.weight", weights.Get("emb.weight"));
        string rows = graph.Node("Gather", "emb.Gather", [table, Label], Int("axis", 0));
        string products = graph.Node("Mul", "emb.Mul", [rows, features]);
        return graph.Node("Add", "emb.Add", [headOutput, CommonNodes.ReduceSum(graph, "emb.ReduceSum", products, axis: 1)]);
    }

    /// <summary>
    /// Conditional batch norm's per-class affine after a batch norm: x·gain[label] + bias[label] with the tables
    /// <c>cbn.K.gain.weight</c> and <c>cbn.K.bias.weight</c>, each row viewed as [N, C, 1, 1] (or [N, C] after a flat batch norm).
    /// </summary>
    public static string ClassAffine(OnnxGraph graph, NetWeights weights, string name, string x, int channels, int rank)
    {
        var view = new long[rank + 1];
        Array.Fill(view, 1L);
        (view[0], view[1]) = (0, channels);
        string shape = graph.Int64s(name + ".view_shape", view, view.Length);
        string Rows(string table) => graph.Node("Reshape", name + "." + table + ".view",
            [graph.Node("Gather", name + "." + table + ".Gather", [graph.Initializer(name + "." + table + ".weight", weights.Get(name + "." + table + ".weight")), Label], Int("axis", 0)), shape]);
        return graph.Node("Add", name + ".Add", [graph.Node("Mul", name + ".Mul", [x, Rows("gain")]), Rows("bias")]);
    }
}

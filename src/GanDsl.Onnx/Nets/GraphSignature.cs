using GanDsl.Shapes;

namespace GanDsl.Onnx.Nets;

/// <summary>One input or output of an exported graph as the metadata describes it.</summary>
internal sealed record GraphValue(string Name, string ElementType, IReadOnlyList<int> PerSample, string Meaning)
{
    /// <summary><c>z: float32 [N, 100]</c>.</summary>
    public string Declaration =>
        Name + ": " + ElementType + " [" + string.Join(", ", PerSample.Select(Graph.CommonNodes.Int).Prepend(Graph.OnnxGraph.BatchDimension)) + "]";
}

/// <summary>What an exported graph takes and gives, and the facts about the net the metadata records.</summary>
internal sealed record GraphSignature(string Role, string NetName, IReadOnlyList<GraphValue> Inputs, GraphValue Output, string OutputRange,
    IReadOnlyList<KeyValuePair<string, string>> Facts);

/// <summary>The range a stack's output values lie in, read from its last layers.</summary>
internal static class OutputRange
{
    public const string MinusOneToOne = "[-1, 1]";
    public const string ZeroToOne = "[0, 1]";
    public const string Unbounded = "unbounded";

    /// <summary>Tanh bounds to [-1, 1] and Sigmoid to [0, 1]; layers that only move, pick or pass values (at inference) keep their input's range.</summary>
    public static string Of(IReadOnlyList<LayerSpec> layers)
    {
        for (int i = layers.Count - 1; i >= 0; i--)
        {
            var kind = layers[i].Kind;
            if (kind == LayerKind.Tanh) return MinusOneToOne;
            if (kind == LayerKind.Sigmoid) return ZeroToOne;
            if (kind != LayerKind.Reshape && kind != LayerKind.Flatten && kind != LayerKind.MaxPool2d && kind != LayerKind.Upsample && kind != LayerKind.Dropout)
                return Unbounded;
        }
        return Unbounded;
    }
}

using System.Globalization;

namespace GanDsl.Onnx.Graph;

/// <summary>Node patterns used by more than one layer or net: nearest upsampling, average pooling, the fade-in blend.</summary>
internal static class CommonNodes
{
    /// <summary>
    /// Nearest-neighbour upsampling by a whole factor as PyTorch's <c>nearest</c> does it: output pixel (y, x) reads input
    /// pixel (⌊y / f⌋, ⌊x / f⌋), which is Resize with asymmetric coordinates and floor rounding.
    /// </summary>
    public static string UpsampleNearest(OnnxGraph graph, string name, string input, int factor)
    {
        // Opset 11 and 12 need the (unused) region-of-interest input; from 13 on it may be left empty.
        string roi = graph.Opset >= 13 ? "" : graph.Floats(name + ".roi", ReadOnlySpan<float>.Empty, 0);
        string scales = graph.Floats(name + ".scales", [1f, 1f, factor, factor], 4);
        return graph.Node("Resize", name, [input, roi, scales],
            OnnxGraph.Text("mode", "nearest"),
            OnnxGraph.Text("coordinate_transformation_mode", "asymmetric"),
            OnnxGraph.Text("nearest_mode", "floor"));
    }

    /// <summary>Average over non-overlapping f×f windows (torch's <c>avg_pool2d(x, f)</c>).</summary>
    public static string AveragePool(OnnxGraph graph, string name, string input, int factor) =>
        graph.Node("AveragePool", name, [input], OnnxGraph.Ints("kernel_shape", factor, factor), OnnxGraph.Ints("strides", factor, factor));

    /// <summary>(1 − α)·previous + α·grown with the weights computed in float as GanDsl's fade-in computes them.</summary>
    public static string FadeIn(OnnxGraph graph, string name, string previous, string grown, float alpha)
    {
        string keep = graph.Floats(name + ".one_minus_alpha", [1f - alpha]);
        string take = graph.Floats(name + ".alpha", [alpha]);
        string a = graph.Node("Mul", name + ".previous", [previous, keep]);
        string b = graph.Node("Mul", name + ".grown", [grown, take]);
        return graph.Node("Add", name, [a, b]);
    }

    /// <summary>The sum over <paramref name="axis"/>, kept as a dimension of 1: the axes are an attribute before opset 13, an input from 13 on.</summary>
    public static string ReduceSum(OnnxGraph graph, string name, string input, int axis)
    {
        if (graph.Opset < 13) return graph.Node("ReduceSum", name, [input], OnnxGraph.Ints("axes", axis), OnnxGraph.Int("keepdims", 1));
        return graph.Node("ReduceSum", name, [input, graph.Int64s(name + ".axes", [axis], 1)], OnnxGraph.Int("keepdims", 1));
    }

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}

using GanDsl.Onnx.Graph;
using static GanDsl.Onnx.Graph.OnnxGraph;

namespace GanDsl.Onnx.Layers;

/// <summary>
/// The ONNX forms of the normalisations that use each sample's own statistics (LayerNorm, InstanceNorm2d, GroupNorm) and of
/// ProGAN's minibatch standard deviation: standard operators of every opset GanDsl writes (11 to 17).
/// </summary>
internal static class NormalizationNodes
{
    /// <summary>torch's default ε of the three normalisations, which GanDsl's modules use too.</summary>
    internal const float Epsilon = 1e-5f;

    /// <summary>
    /// x [N, C, …] normalised in <paramref name="groups"/> groups of consecutive channels: reshaped to [N, groups, rest] so that
    /// InstanceNormalization (scale 1, bias 0; population variance, as torch) normalises each group, then reshaped back; when the
    /// layer is affine, its <c>weight</c> and <c>bias</c> follow, viewed as <paramref name="affineView"/> to broadcast over the batch.
    /// </summary>
    public static string GroupNormalize(LayerNodes l, int groups, bool affine, long[] affineView)
    {
        var g = l.Graph;
        long[] sample = [0, .. l.InputShape.Select(d => (long)d)];
        string grouped = g.Node("Reshape", l.Path + ".group", [l.Input, g.Int64s(l.Path + ".group_shape", [0, groups, -1], 3)]);
        var ones = new float[groups];
        Array.Fill(ones, 1f);
        string scale = g.Floats(l.Path + ".unit_scale", ones, groups);
        string shift = g.Floats(l.Path + ".zero_shift", new float[groups], groups);
        string normalized = g.Node("InstanceNormalization", l.Path + ".InstanceNormalization", [grouped, scale, shift], Float("epsilon", Epsilon));
        string y = g.Node("Reshape", l.Path + ".ungroup", [normalized, g.Int64s(l.Path + ".sample_shape", sample, sample.Length)]);
        if (!affine) return y;
        string weight = View(l, l.Parameter("weight"), "weight", affineView);
        string bias = View(l, l.Parameter("bias"), "bias", affineView);
        return g.Node("Add", l.Path + ".Add", [g.Node("Mul", l.Path + ".Mul", [y, weight]), bias]);
    }

    /// <summary>[C, 1, 1] for an image, [C] for a flat sample: a per-channel affine as it broadcasts over [N, C, …].</summary>
    public static long[] ChannelView(IReadOnlyList<int> inputShape)
    {
        var view = new long[inputShape.Count];
        Array.Fill(view, 1L);
        view[0] = inputShape[0];
        return view;
    }

    /// <summary>
    /// ProGAN's minibatch standard deviation with the batch size read at run time: G = min(group_size, N) (Less and Where, as
    /// Min takes no integers before opset 12), x viewed as [G, N/G, C, H, W], the standard deviation over G (√(var + 1e-8),
    /// population variance) averaged per group, tiled G times along the batch (sample n takes group n mod N/G) and over H×W,
    /// and appended as one more channel. A batch not divisible by G fails in Reshape, where GanDsl's layer throws.
    /// </summary>
    public static string MinibatchStdDev(LayerNodes l, int groupSize, float epsilon)
    {
        var g = l.Graph;
        string p = l.Path;
        int c = l.InputShape[0], h = l.InputShape[1], w = l.InputShape[2];
        string batch = g.Node("Gather", p + ".batch", [g.Node("Shape", p + ".Shape", [l.Input]), g.Int64s(p + ".batch_axis", [0], 1)], Int("axis", 0));
        string limit = g.Int64s(p + ".group_size", [groupSize], 1);
        string size = g.Node("Where", p + ".group", [g.Node("Less", p + ".smaller", [batch, limit]), batch, limit]);
        string groupCount = g.Node("Div", p + ".group_count", [batch, size]);
        string shape = g.Node("Concat", p + ".grouped_shape", [size, groupCount, g.Int64s(p + ".feature_shape", [c, h, w], 3)], Int("axis", 0));
        string grouped = g.Node("Reshape", p + ".grouped", [l.Input, shape]);
        string centered = g.Node("Sub", p + ".centered", [grouped, g.Node("ReduceMean", p + ".mean", [grouped], Ints("axes", 0), Int("keepdims", 1))]);
        string variance = g.Node("ReduceMean", p + ".variance", [g.Node("Mul", p + ".square", [centered, centered])], Ints("axes", 0), Int("keepdims", 0));
        string std = g.Node("Sqrt", p + ".std", [g.Node("Add", p + ".stable", [variance, g.Floats(p + ".epsilon", [epsilon])])]);
        string perGroup = g.Node("ReduceMean", p + ".per_group", [std], Ints("axes", 1, 2, 3), Int("keepdims", 1));
        string repeats = g.Node("Concat", p + ".repeats", [size, g.Int64s(p + ".plane_repeats", [1, h, w], 3)], Int("axis", 0));
        string plane = g.Node("Tile", p + ".Tile", [perGroup, repeats]);
        return g.Node("Concat", p + ".Concat", [l.Input, plane], Int("axis", 1));
    }

    private static string View(LayerNodes l, string value, string name, long[] view) =>
        l.Graph.Node("Reshape", l.Path + "." + name + "_view", [value, l.Graph.Int64s(l.Path + "." + name + "_view_shape", view, view.Length)]);
}

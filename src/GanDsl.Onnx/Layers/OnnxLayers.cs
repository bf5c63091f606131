using GanDsl.Onnx.Graph;
using GanDsl.Shapes;
using static GanDsl.Onnx.Graph.OnnxGraph;

namespace GanDsl.Onnx.Layers;

/// <summary>
/// The ONNX form of every layer kind, keyed by kind: standard operators only, each computing what the kind's module
/// computes in eval mode. A new kind needs a line here (a test fails until it has one, or a sentence saying why it has none).
/// </summary>
internal static class OnnxLayers
{
    /// <summary>torch.nn.BatchNorm's default ε, which GanDsl's batch norm uses too.</summary>
    internal const float BatchNormEpsilon = 1e-5f;

    public static IReadOnlyDictionary<LayerKind, OnnxLayerMapping> ByKind { get; } = new Dictionary<LayerKind, OnnxLayerMapping>
    {
        // y = x·Wᵀ + b: Gemm with the weight as PyTorch stores it, [out, in].
        [LayerKind.Linear] = OnnxLayerMapping.Exact(l => l.Node("Gemm", l.InputWeightAndBias(), Int("transB", 1))),
        [LayerKind.Conv2d] = OnnxLayerMapping.Exact(Conv),
        [LayerKind.ConvTranspose2d] = OnnxLayerMapping.Exact(ConvTranspose),
        [LayerKind.BatchNorm1d] = OnnxLayerMapping.Exact(BatchNorm),
        [LayerKind.BatchNorm2d] = OnnxLayerMapping.Exact(BatchNorm),
        // Dropout scales nothing at inference: PyTorch's inverted dropout does its scaling while training.
        [LayerKind.Dropout] = OnnxLayerMapping.Exact(l => l.Node("Identity")),
        [LayerKind.ReLU] = OnnxLayerMapping.Exact(l => l.Node("Relu")),
        [LayerKind.LeakyReLU] = OnnxLayerMapping.Exact(l => l.Node("LeakyRelu", Float("alpha", (float)l.Layer.Get<double>("negativeSlope")))),
        [LayerKind.Tanh] = OnnxLayerMapping.Exact(l => l.Node("Tanh")),
        [LayerKind.Sigmoid] = OnnxLayerMapping.Exact(l => l.Node("Sigmoid")),
        [LayerKind.MaxPool2d] = OnnxLayerMapping.Exact(MaxPool),
        [LayerKind.Flatten] = OnnxLayerMapping.Exact(l => l.Node("Flatten", Int("axis", 1))),
        [LayerKind.Reshape] = OnnxLayerMapping.Exact(Reshape),
        [LayerKind.Upsample] = OnnxLayerMapping.Exact(l => CommonNodes.UpsampleNearest(l.Graph, l.Path + ".Resize", l.Input, l.Int("scaleFactor"))),
        // Channel dropout too scales nothing at inference.
        [LayerKind.Dropout2d] = OnnxLayerMapping.Exact(l => l.Node("Identity")),
        [LayerKind.LayerNorm] = OnnxLayerMapping.Exact(l => NormalizationNodes.GroupNormalize(l, 1, l.Layer.Get<bool>("elementwiseAffine"),
            l.InputShape.Select(d => (long)d).ToArray())),
        [LayerKind.InstanceNorm2d] = OnnxLayerMapping.Exact(l => NormalizationNodes.GroupNormalize(l, l.InputShape[0], l.Layer.Get<bool>("affine"),
            NormalizationNodes.ChannelView(l.InputShape))),
        [LayerKind.GroupNorm] = OnnxLayerMapping.Exact(l => NormalizationNodes.GroupNormalize(l, l.Int("numGroups"), l.Layer.Get<bool>("affine"),
            NormalizationNodes.ChannelView(l.InputShape))),
        [LayerKind.MinibatchStdDev] = OnnxLayerMapping.Exact(l => NormalizationNodes.MinibatchStdDev(l, l.Int("groupSize"), 1e-8f)),
    };

    private static string Conv(LayerNodes l)
    {
        long k = l.Int("kernelSize"), s = l.Int("stride"), p = l.Int("padding");
        return l.Node("Conv", l.InputWeightAndBias(), Ints("kernel_shape", k, k), Ints("strides", s, s), Ints("pads", p, p, p, p));
    }

    /// <summary>The weight keeps PyTorch's [in, out, k, k] layout, which is ONNX's too; output size (n − 1)·s − 2p + k + output_padding.</summary>
    private static string ConvTranspose(LayerNodes l)
    {
        long k = l.Int("kernelSize"), s = l.Int("stride"), p = l.Int("padding"), o = l.Int("outputPadding");
        return l.Node("ConvTranspose", l.InputWeightAndBias(),
            Ints("kernel_shape", k, k), Ints("strides", s, s), Ints("pads", p, p, p, p), Ints("output_padding", o, o));
    }

    /// <summary>
    /// Inference mode with the running statistics, kept as its own node rather than folded into the previous layer's
    /// weights: it computes (x − mean) / √(var + ε) · γ + β in the order GanDsl does, and the file keeps the checkpoint's
    /// parameters under their state dict names. A batch norm without affine gets γ = 1 and β = 0 as constants.
    /// </summary>
    private static string BatchNorm(LayerNodes l)
    {
        bool affine = l.Layer.Get<bool>("affine");
        int channels = l.InputShape[0];
        string scale = affine ? l.Parameter("weight") : l.Graph.Floats(l.Path + ".unit_scale", Enumerable.Repeat(1f, channels).ToArray(), channels);
        string shift = affine ? l.Parameter("bias") : l.Graph.Floats(l.Path + ".zero_shift", new float[channels], channels);
        return l.Node("BatchNormalization", [l.Input, scale, shift, l.Parameter("running_mean"), l.Parameter("running_var")],
            Float("epsilon", BatchNormEpsilon));
    }

    /// <summary>No padding and floor rounding (ceil_mode 0), as torch.nn.MaxPool2d by default.</summary>
    private static string MaxPool(LayerNodes l)
    {
        long k = l.Int("kernelSize"), s = l.Int("stride");
        return l.Node("MaxPool", Ints("kernel_shape", k, k), Ints("strides", s, s));
    }

    /// <summary>Target shape [0, dims…]: 0 keeps the batch dimension as it comes.</summary>
    private static string Reshape(LayerNodes l)
    {
        var dims = l.Layer.Get<int[]>("dims");
        var target = new long[dims.Length + 1];
        for (int i = 0; i < dims.Length; i++) target[i + 1] = dims[i];
        string shape = l.Graph.Int64s(l.Path + ".shape", target, target.Length);
        return l.Node("Reshape", [l.Input, shape]);
    }
}

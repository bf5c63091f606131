namespace GanDsl.Onnx.Layers;

/// <summary>
/// How one layer kind becomes ONNX: the nodes that compute exactly what its <c>GanDsl.Nn</c> module computes in eval mode,
/// or the sentence that says why no exact form exists (the export then refuses with it, rather than write an approximation).
/// </summary>
internal sealed class OnnxLayerMapping
{
    private readonly Func<LayerNodes, string>? _emit;

    private OnnxLayerMapping(Func<LayerNodes, string>? emit, string? noExactForm) => (_emit, NoExactForm) = (emit, noExactForm);

    /// <summary>A kind written by <paramref name="emit"/>, which adds its nodes and returns the layer's output value.</summary>
    public static OnnxLayerMapping Exact(Func<LayerNodes, string> emit) => new(emit, null);

    /// <summary>A kind with no exact ONNX form; <paramref name="sentence"/> completes "… has no exact ONNX form: ".</summary>
    public static OnnxLayerMapping NoExactFormBecause(string sentence) => new(null, sentence);

    /// <summary>Why this kind cannot be written, or null when it can.</summary>
    public string? NoExactForm { get; }

    public string Emit(LayerNodes layer) =>
        _emit is { } emit ? emit(layer) : throw new InvalidOperationException($"{layer.Layer.TypeName} has no exact ONNX form: {NoExactForm}");
}

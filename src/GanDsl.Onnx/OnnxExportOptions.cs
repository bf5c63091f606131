namespace GanDsl.Onnx;

/// <summary>How an export is written and what it records about where its weights come from.</summary>
public sealed record OnnxExportOptions
{
    /// <summary>Opset 17, no step or weight source recorded.</summary>
    public static OnnxExportOptions Default { get; } = new();

    /// <summary>
    /// The ONNX operator set version the graph is written for, from <see cref="OnnxExport.MinimumOpset"/> to
    /// <see cref="OnnxExport.MaximumOpset"/>; <see cref="OnnxExport.DefaultOpset"/> unless set.
    /// </summary>
    public int Opset { get; init; } = OnnxExport.DefaultOpset;

    /// <summary>The training step the weights were saved at, recorded as <c>gandsl.step</c>; null when they come from no run.</summary>
    public long? Step { get; init; }

    /// <summary>Where the weights come from (e.g. a checkpoint file), recorded as <c>gandsl.weights</c>; null when not said.</summary>
    public string? Weights { get; init; }
}

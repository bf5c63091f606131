namespace GanDsl.Onnx;

/// <summary>
/// A net that cannot be written as an exact ONNX graph, or options the exporter cannot honour. The message is one
/// sentence naming what is wrong and how to fix it; no file is written.
/// </summary>
public sealed class OnnxExportException : Exception
{
    /// <summary>An export refused for the reason <paramref name="message"/> gives.</summary>
    public OnnxExportException(string message) : base(message) { }

    /// <summary>An export refused for the reason <paramref name="message"/> gives, caused by <paramref name="inner"/>.</summary>
    public OnnxExportException(string message, Exception inner) : base(message, inner) { }
}

using ModelProto = global::Onnx.ModelProto;
using Microsoft.ML.OnnxRuntime;

namespace GanDsl.Onnx.Tests.Support;

/// <summary>An exported file read back with the same protobuf classes the exporter writes (and its metadata as ONNX Runtime reads it).</summary>
internal sealed record OnnxModelFile(ModelProto Model, IReadOnlyDictionary<string, string> Metadata, IReadOnlyList<string> Initializers)
{
    public static OnnxModelFile Read(byte[] bytes)
    {
        var model = ModelProto.Parser.ParseFrom(bytes);
        return new OnnxModelFile(model,
            model.MetadataProps.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            model.Graph.Initializer.Select(i => i.Name).ToList());
    }

    public IReadOnlyList<string> OpTypes => Model.Graph.Node.Select(n => n.OpType).ToList();

    /// <summary>ONNX Runtime's own view of the metadata, to check a runtime sees what the exporter wrote.</summary>
    public static ModelMetadata RuntimeMetadata(byte[] bytes)
    {
        using var session = new InferenceSession(bytes);
        return session.ModelMetadata;
    }
}

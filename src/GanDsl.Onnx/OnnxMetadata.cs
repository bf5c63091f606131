using System.Globalization;
using GanDsl.Onnx.Nets;

namespace GanDsl.Onnx;

/// <summary>
/// The model's <c>doc_string</c> (one paragraph for a person) and <c>metadata_props</c> (the same facts as
/// <c>gandsl.*</c> keys for a program): role, net, inputs, output, value range, GanDsl version, step.
/// </summary>
internal static class OnnxMetadata
{
    public static void Write(ModelProto model, GraphSignature signature, OnnxExportOptions options)
    {
        var props = new List<KeyValuePair<string, string>>
        {
            new("gandsl.version", OnnxExport.GanDslVersion),
            new("gandsl.role", signature.Role),
            new("gandsl.net", signature.NetName),
            new("gandsl.inputs", string.Join("; ", signature.Inputs.Select(i => i.Declaration))),
            new("gandsl.output", signature.Output.Declaration),
            new("gandsl.output_range", signature.OutputRange),
        };
        if (options.Step is { } step) props.Add(new("gandsl.step", step.ToString(CultureInfo.InvariantCulture)));
        if (options.Weights is { } weights) props.Add(new("gandsl.weights", weights));
        props.AddRange(signature.Facts);
        foreach (var (key, value) in props) model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        model.DocString = Describe(signature, options);
        model.Graph.DocString = model.DocString;
    }

    private static string Describe(GraphSignature s, OnnxExportOptions options)
    {
        string from = options.Step is { } step ? $" at training step {step.ToString(CultureInfo.InvariantCulture)}" : "";
        string weights = options.Weights is { } w ? $" (weights: {w})" : "";
        string inputs = string.Join("; ", s.Inputs.Select(i => $"{i.Declaration}, {i.Meaning}"));
        return $"{s.NetName}, a GanDsl {s.Role} exported by GanDsl {OnnxExport.GanDslVersion}{from}{weights}, in eval mode. "
            + $"Inputs: {inputs}. Output: {s.Output.Declaration}, {s.Output.Meaning}. N, the batch size, is free.";
    }
}

using Microsoft.ML.OnnxRuntime;

namespace OnnxSample;

/// <summary>
/// A generator file written by GanDsl, opened with ONNX Runtime: it takes noise <c>z</c> [N, latent] (and, when
/// conditional, int64 <c>label</c> [N]) and gives one sample per row; its metadata says the range of the values.
/// </summary>
internal sealed class ExportedGenerator : IDisposable
{
    private readonly InferenceSession _session;

    public ExportedGenerator(string path)
    {
        _session = new InferenceSession(path);
        var inputs = _session.InputMetadata;
        if (!inputs.TryGetValue("z", out var z) || z.Dimensions.Length != 2)
            throw new ArgumentException($"{path} has no input z [N, latent]; export it with 'gandsl export RUN --onnx {Path.GetFileName(path)}'.");
        LatentDim = z.Dimensions[1];
        IsConditional = inputs.ContainsKey("label");
        var output = _session.OutputMetadata.First();
        OutputName = output.Key;
        SampleShape = output.Value.Dimensions[1..];
        var metadata = _session.ModelMetadata.CustomMetadataMap;
        Classes = metadata.TryGetValue("gandsl.classes", out var classes) ? int.Parse(classes, System.Globalization.CultureInfo.InvariantCulture) : 0;
        Range = metadata.GetValueOrDefault("gandsl.output_range", "unbounded");
        Name = metadata.GetValueOrDefault("gandsl.net", Path.GetFileNameWithoutExtension(path));
        Step = metadata.GetValueOrDefault("gandsl.step");
    }

    public int LatentDim { get; }
    public bool IsConditional { get; }
    public int Classes { get; }
    public string OutputName { get; }

    /// <summary>One sample's shape, e.g. [1, 28, 28].</summary>
    public int[] SampleShape { get; }

    /// <summary>"[-1, 1]", "[0, 1]" or "unbounded", as the exporter recorded it.</summary>
    public string Range { get; }

    public string Name { get; }
    public string? Step { get; }

    /// <summary>Runs the generator on <paramref name="z"/> (<paramref name="count"/> rows) and returns the samples, row after row.</summary>
    public float[] Generate(float[] z, int count, long[]? labels)
    {
        var names = new List<string> { "z" };
        var values = new List<OrtValue> { OrtValue.CreateTensorValueFromMemory(z, [count, LatentDim]) };
        if (IsConditional)
        {
            names.Add("label");
            values.Add(OrtValue.CreateTensorValueFromMemory(labels ?? new long[count], [count]));
        }
        try
        {
            using var options = new RunOptions();
            using var outputs = _session.Run(options, names, values, [OutputName]);
            return outputs[0].GetTensorDataAsSpan<float>().ToArray();
        }
        finally
        {
            foreach (var value in values) value.Dispose();
        }
    }

    public void Dispose() => _session.Dispose();
}

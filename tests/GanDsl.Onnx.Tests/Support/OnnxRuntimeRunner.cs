using Microsoft.ML.OnnxRuntime;

namespace GanDsl.Onnx.Tests.Support;

/// <summary>Runs an exported model with ONNX Runtime's default session options (what a user's app gets).</summary>
internal sealed class OnnxRuntimeRunner : IDisposable
{
    private readonly InferenceSession _session;

    public OnnxRuntimeRunner(byte[] model) => _session = new InferenceSession(model);

    public InferenceSession Session => _session;

    /// <summary>The single output for float input <paramref name="first"/> (named <paramref name="firstName"/>) and, when given, int64 labels.</summary>
    public (float[] Values, long[] Shape) Run(string firstName, float[] first, long[] firstShape, long[]? labels = null)
    {
        var names = new List<string> { firstName };
        var values = new List<OrtValue> { OrtValue.CreateTensorValueFromMemory(first, firstShape) };
        if (labels is not null)
        {
            names.Add("label");
            values.Add(OrtValue.CreateTensorValueFromMemory(labels, [labels.Length]));
        }
        try
        {
            using var runOptions = new RunOptions();
            using var outputs = _session.Run(runOptions, names, values, _session.OutputNames);
            var output = outputs[0];
            return (output.GetTensorDataAsSpan<float>().ToArray(), output.GetTensorTypeAndShape().Shape);
        }
        finally
        {
            foreach (var v in values) v.Dispose();
        }
    }

    public void Dispose() => _session.Dispose();
}

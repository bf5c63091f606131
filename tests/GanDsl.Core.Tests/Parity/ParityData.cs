using System.Runtime.CompilerServices;
using System.Text.Json;
using GanDsl.Tensors;

namespace GanDsl.Core.Tests.Parity;

/// <summary>
/// The cases of <c>expected.json</c> (ops, optimizers; written by <c>make_expected.py</c>) and <c>layers_expected.json</c>
/// (the layers of issue 19, their checkpoints, conditional nets; <c>make_layers_expected.py</c>), both from PyTorch. The files
/// are found next to this source file (through <see cref="CallerFilePathAttribute"/>), so the test project needs no copy step.
/// </summary>
internal static class ParityData
{
    private static readonly string[] Files = ["expected.json", "layers_expected.json"];

    private static readonly Lazy<JsonDocument[]> Documents = new(() => Files.Select(Load).ToArray());

    public static string ExpectedPath(string file = "expected.json", [CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, file);

    public static IEnumerable<string> CaseNames() =>
        Documents.Value.SelectMany(d => d.RootElement.GetProperty("cases").EnumerateObject().Select(p => p.Name));

    public static ParityCase Case(string name)
    {
        foreach (var document in Documents.Value)
            if (document.RootElement.GetProperty("cases").TryGetProperty(name, out var element))
                return new ParityCase(name, element);
        throw new KeyNotFoundException($"No parity file has a case '{name}'; rerun make_expected.py or make_layers_expected.py after adding it there.");
    }

    private static JsonDocument Load(string file)
    {
        var path = ExpectedPath(file);
        if (!File.Exists(path))
            throw new FileNotFoundException($"The parity data {path} is missing; run /usr/bin/python3 make_{file.Replace(".json", ".py")} in that folder.", path);
        return JsonDocument.Parse(File.ReadAllBytes(path));
    }
}

/// <summary>One case: scalar arguments, named float32 tensors (inputs and PyTorch's outputs) and PyTorch's own float32 error.</summary>
internal sealed class ParityCase(string name, JsonElement element)
{
    public string Name { get; } = name;

    public int Int(string arg) => element.GetProperty("args").GetProperty(arg).GetInt32();

    public float Float(string arg) => element.GetProperty("args").GetProperty(arg).GetSingle();

    public IReadOnlyList<string> Strings(string arg) =>
        element.GetProperty("args").GetProperty(arg).EnumerateArray().Select(v => v.GetString()!).ToList();

    public IEnumerable<string> TensorNames() => element.GetProperty("tensors").EnumerateObject().Select(p => p.Name);

    public bool Has(string tensor) => element.GetProperty("tensors").TryGetProperty(tensor, out _);

    /// <summary>A fresh tensor (its own buffer) holding the stored float32 values exactly.</summary>
    public Tensor Tensor(string tensor)
    {
        if (!element.GetProperty("tensors").TryGetProperty(tensor, out var t))
            throw new KeyNotFoundException($"Parity case '{Name}' has no tensor '{tensor}'; rerun make_expected.py.");
        var dims = t.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray();
        var data = t.GetProperty("data").EnumerateArray().Select(v => v.GetSingle()).ToArray();
        return GanDsl.Tensors.Tensor.FromArray(data, dims);
    }

    public Tensor? OptionalTensor(string tensor) => Has(tensor) ? Tensor(tensor) : null;

    /// <summary>max |torch float32 − torch float64| over the output's elements, measured by make_expected.py.</summary>
    public double Float32Error(string output) =>
        element.GetProperty("f32_error").TryGetProperty(output, out var e) ? e.GetDouble() : 0;
}

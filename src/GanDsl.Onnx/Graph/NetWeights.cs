using GanDsl.Nn;
using GanDsl.Tensors;

namespace GanDsl.Onnx.Graph;

/// <summary>A net's state dict by name (parameters and buffers), read once; a missing entry is a clear refusal.</summary>
internal sealed class NetWeights
{
    private readonly Dictionary<string, Tensor> _state;

    public NetWeights(Module net, string owner)
    {
        Owner = owner;
        _state = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, value) in net.StateDict()) _state[name] = value;
    }

    /// <summary>The net's type name, for messages.</summary>
    public string Owner { get; }

    public bool Has(string name) => _state.ContainsKey(name);

    public Tensor Get(string name) => _state.TryGetValue(name, out var value) ? value
        : throw new OnnxExportException($"{Owner} has no weight named {name} although its declared layers need one; export the net its declaration generated, not a hand-built module.");
}

using TorchSharp;
using static TorchSharp.torch;
using Parameter = TorchSharp.Modules.Parameter;

namespace GanDsl.TorchSharp.Training;

/// <summary>
/// The generator average on the torch engine, as <see cref="GanDsl.Training.GeneratorEma"/> keeps it: θ̄ ← d·θ̄ + (1 − d)·θ for
/// every parameter after each generator update (buffers are not averaged), named as G's parameters, on their device.
/// </summary>
internal sealed class TorchGeneratorAverage : IDisposable
{
    private readonly IReadOnlyList<(string Name, Parameter Value)> _parameters;
    private readonly Tensor[] _averages;
    private readonly float _decay;

    public TorchGeneratorAverage(IReadOnlyList<(string Name, Parameter Value)> parameters, float decay)
    {
        _parameters = parameters;
        _decay = decay;
        using var noGrad = torch.no_grad();
        _averages = parameters.Select(p => p.Value.clone().DetachFromDisposeScope()).ToArray(); // no graph: cloned without grad
    }

    public void Update()
    {
        using var noGrad = torch.no_grad();
        for (int i = 0; i < _averages.Length; i++) _averages[i].mul_(_decay).add_(_parameters[i].Value, 1f - _decay);
    }

    /// <summary>Runs <paramref name="action"/> with the averages in G's parameters, then puts G's own values back.</summary>
    public T WithAverages<T>(Func<T> action)
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var saved = _parameters.Select(p => p.Value.clone()).ToArray();
        try
        {
            for (int i = 0; i < _averages.Length; i++) _parameters[i].Value.copy_(_averages[i]);
            return action();
        }
        finally
        {
            for (int i = 0; i < saved.Length; i++) _parameters[i].Value.copy_(saved[i]);
        }
    }

    /// <summary>The averages as managed copies by G's parameter names.</summary>
    public IReadOnlyList<(string Name, GanDsl.Tensors.Tensor Value)> Capture() =>
        _parameters.Select((p, i) => (p.Name, TorchTensors.ToManaged(_averages[i]))).ToList();

    /// <summary>Takes back averages by name (the session has checked names and shapes).</summary>
    public void Load(IReadOnlyList<(string Name, GanDsl.Tensors.Tensor Value)> averages)
    {
        var byName = averages.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal);
        for (int i = 0; i < _averages.Length; i++) TorchTensors.CopyInto(_averages[i], byName[_parameters[i].Name]);
    }

    public void Dispose()
    {
        foreach (var a in _averages) a.Dispose();
    }
}

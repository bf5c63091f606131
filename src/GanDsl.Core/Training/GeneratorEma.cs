using System.Numerics;
using GanDsl.Nn;
using GanDsl.Tensors;

namespace GanDsl.Training;

/// <summary>
/// An exponential moving average of the generator's parameters, θ̄ ← d·θ̄ + (1 − d)·θ after each generator update
/// (buffers are not averaged: sampling uses G's own running statistics). Samples drawn with the average are usually smoother.
/// </summary>
public sealed class GeneratorEma
{
    private readonly IReadOnlyList<(string Name, Tensor Value)> _parameters;

    /// <summary>An average of <paramref name="generator"/>'s parameters, starting at their current values.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decay"/> is not in (0, 1).</exception>
    public GeneratorEma(GeneratorModule generator, float decay)
    {
        if (!(decay > 0f && decay < 1f)) throw new ArgumentOutOfRangeException(nameof(decay), $"The EMA decay must be in (0, 1) but is {decay}.");
        Decay = decay;
        _parameters = generator.NamedParameters().ToList();
        Averages = _parameters.Select(p => (p.Name, p.Value.Clone())).ToList();
    }

    /// <summary>d in θ̄ ← d·θ̄ + (1 − d)·θ: the share of the old average each update keeps (0.999 typical).</summary>
    public float Decay { get; }

    /// <summary>The averaged parameters, named as in the generator's state dict.</summary>
    public IReadOnlyList<(string Name, Tensor Value)> Averages { get; }

    /// <summary>
    /// Moves the average towards the generator's current parameters; called after each generator update. Vector lanes
    /// and the scalar tail do the same two multiplies and one add (no fused multiply-add), so every width gives the same bits.
    /// </summary>
    public void Update()
    {
        float keep = Decay, take = 1f - Decay;
        var (keepLanes, takeLanes) = (new Vector<float>(keep), new Vector<float>(take));
        for (int i = 0; i < _parameters.Count; i++)
        {
            var avg = Averages[i].Value.Data;
            var p = _parameters[i].Value.Data;
            int j = 0;
            for (; j <= avg.Length - Vector<float>.Count; j += Vector<float>.Count)
                (keepLanes * new Vector<float>(avg, j) + takeLanes * new Vector<float>(p, j)).CopyTo(avg, j);
            for (; j < avg.Length; j++) avg[j] = keep * avg[j] + take * p[j];
        }
    }

    /// <summary>Replaces the averages with stored values (resume).</summary>
    public void Load(IReadOnlyDictionary<string, Tensor> averages)
    {
        foreach (var (name, target) in Averages)
        {
            if (!averages.TryGetValue(name, out var source) || source.Shape != target.Shape)
                throw new CheckpointException($"The checkpoint's generator average has no entry {name} of shape {target.Shape}; it was written for another generator.");
            Array.Copy(source.Data, target.Data, target.Size);
        }
    }

    /// <summary>Runs <paramref name="action"/> with the averages swapped into the generator, then puts its own parameters back.</summary>
    public T WithAverages<T>(Func<T> action)
    {
        var saved = _parameters.Select(p => (float[])p.Value.Data.Clone()).ToList();
        try
        {
            for (int i = 0; i < _parameters.Count; i++) Array.Copy(Averages[i].Value.Data, _parameters[i].Value.Data, saved[i].Length);
            return action();
        }
        finally
        {
            for (int i = 0; i < _parameters.Count; i++) Array.Copy(saved[i], _parameters[i].Value.Data, saved[i].Length);
        }
    }
}

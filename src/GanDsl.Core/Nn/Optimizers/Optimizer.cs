using GanDsl.Tensors;

namespace GanDsl.Nn.Optimizers;

/// <summary>Updates parameters in place from their accumulated gradients; its state can be saved and restored exactly.</summary>
public abstract class Optimizer
{
    protected Optimizer(IReadOnlyList<Tensor> parameters, float learningRate)
    {
        if (!(learningRate >= 0) || float.IsInfinity(learningRate))
            throw new ArgumentOutOfRangeException(nameof(learningRate), $"The learning rate must be a finite non-negative number but is {learningRate}.");
        Parameters = parameters;
        LearningRate = learningRate;
    }

    public IReadOnlyList<Tensor> Parameters { get; }
    public float LearningRate { get; set; }

    /// <summary>Number of steps taken.</summary>
    public long StepCount { get; protected set; }

    /// <summary>Applies one update; parameters that never received a gradient are left alone (as PyTorch does).</summary>
    public void Step()
    {
        StepCount++;
        UpdateAll();
    }

    /// <summary>Applies <see cref="Update"/> to every parameter that has a gradient; optimizers may spread the work over threads.</summary>
    protected virtual void UpdateAll()
    {
        for (int i = 0; i < Parameters.Count; i++)
        {
            var p = Parameters[i];
            if (p.Grad is null) continue;
            Update(i, p.Data, p.Grad.Data);
        }
    }

    protected abstract void Update(int index, Span<float> param, ReadOnlySpan<float> grad);

    /// <summary>Zeroes every parameter's gradient in place (PyTorch 1.13's default), reusing its buffer; the clearing waits until the gradient is next read or written.</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters) p.ZeroGradDeferred();
    }

    /// <summary>Named state tensors (e.g. "3.exp_avg"), in a fixed order, for checkpoints.</summary>
    public abstract IReadOnlyList<(string Name, Tensor Value)> State();

    /// <summary>Restores the state written by <see cref="State"/> and the step count.</summary>
    public void LoadState(IReadOnlyDictionary<string, Tensor> state, long stepCount)
    {
        foreach (var (name, target) in State())
        {
            if (!state.TryGetValue(name, out var source))
                throw new ArgumentException($"The optimizer state lacks {name}; the checkpoint was written for a different optimizer or model.");
            if (source.Shape != target.Shape)
                throw new ArgumentException($"The optimizer state entry {name} has shape {source.Shape} but {target.Shape} is needed.");
            Array.Copy(source.Data, target.Data, target.Size);
        }
        StepCount = stepCount;
    }

    protected static Tensor[] ZerosLike(IReadOnlyList<Tensor> parameters) => parameters.Select(p => new Tensor(p.Shape)).ToArray();
}

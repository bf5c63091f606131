using GanDsl.Tensors;

namespace GanDsl.Nn.Optimizers;

/// <summary>Updates parameters in place from their accumulated gradients; its state can be saved and restored exactly.</summary>
public abstract class Optimizer
{
    /// <summary>An optimizer of <paramref name="parameters"/> (kept by reference) at <paramref name="learningRate"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The learning rate is negative, infinite or NaN.</exception>
    protected Optimizer(IReadOnlyList<Tensor> parameters, float learningRate)
    {
        if (!(learningRate >= 0) || float.IsInfinity(learningRate))
            throw new ArgumentOutOfRangeException(nameof(learningRate), $"The learning rate must be a finite non-negative number but is {learningRate}.");
        Parameters = parameters;
        LearningRate = learningRate;
    }

    /// <summary>The tensors updated, in the order their state is numbered (<c>"0.exp_avg"</c> is the first one's).</summary>
    public IReadOnlyList<Tensor> Parameters { get; }

    /// <summary>The step size lr; may be changed between steps (a schedule), as PyTorch's <c>param_groups[0]["lr"]</c>.</summary>
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

    /// <summary>Updates parameter <paramref name="index"/>'s values <paramref name="param"/> in place from its gradient <paramref name="grad"/>.</summary>
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

    /// <summary>A zero tensor of each parameter's shape: fresh state for moment buffers.</summary>
    protected static Tensor[] ZerosLike(IReadOnlyList<Tensor> parameters) => parameters.Select(p => new Tensor(p.Shape)).ToArray();
}

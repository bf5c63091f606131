namespace GanDsl.Training;

/// <summary>Which optimizer updates both players.</summary>
public enum OptimizerKind
{
    /// <summary>Stochastic gradient descent, with <see cref="TrainingConfig.Momentum"/> (<c>torch.optim.SGD</c>).</summary>
    Sgd,
    /// <summary>Adam with weight decay added to the gradient (<c>torch.optim.Adam</c>).</summary>
    Adam,
    /// <summary>Adam with decoupled weight decay (<c>torch.optim.AdamW</c>).</summary>
    AdamW,
}

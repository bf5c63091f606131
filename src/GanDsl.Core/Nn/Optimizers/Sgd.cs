using GanDsl.Tensors;

namespace GanDsl.Nn.Optimizers;

/// <summary>
/// Stochastic gradient descent with PyTorch's update: g ← g + λ·p; with momentum μ, b ← μ·b + g (b = g on the first step); p ← p − lr·b.
/// </summary>
public sealed class Sgd : Optimizer
{
    private readonly Tensor[] _momentumBuffers;

    /// <summary>SGD over <paramref name="parameters"/> (<c>torch.optim.SGD(params, lr, momentum, weight_decay)</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The learning rate, momentum or weight decay is negative (or the rate not finite).</exception>
    public Sgd(IReadOnlyList<Tensor> parameters, float learningRate, float momentum = 0f, float weightDecay = 0f)
        : base(parameters, learningRate)
    {
        if (momentum < 0) throw new ArgumentOutOfRangeException(nameof(momentum), $"SGD momentum must not be negative but is {momentum}.");
        if (weightDecay < 0) throw new ArgumentOutOfRangeException(nameof(weightDecay), $"SGD weight decay must not be negative but is {weightDecay}.");
        Momentum = momentum;
        WeightDecay = weightDecay;
        _momentumBuffers = ZerosLike(parameters);
    }

    /// <summary>μ, the share of the previous update kept in the momentum buffer (0: plain SGD).</summary>
    public float Momentum { get; }

    /// <summary>λ, the L2 penalty added to the gradient.</summary>
    public float WeightDecay { get; }

    /// <inheritdoc/>
    protected override void Update(int index, Span<float> p, ReadOnlySpan<float> grad)
    {
        var buf = _momentumBuffers[index].Data;
        bool first = StepCount == 1;
        for (int i = 0; i < p.Length; i++)
        {
            float g = grad[i] + WeightDecay * p[i];
            if (Momentum != 0)
            {
                buf[i] = first ? g : Momentum * buf[i] + g;
                g = buf[i];
            }
            p[i] -= LearningRate * g;
        }
    }

    /// <summary><c>"{i}.momentum_buffer"</c> for each parameter i, as PyTorch's optimizer state names it.</summary>
    public override IReadOnlyList<(string Name, Tensor Value)> State() =>
        _momentumBuffers.Select((t, i) => ($"{i}.momentum_buffer", t)).ToList();
}

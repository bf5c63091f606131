using GanDsl.Tensors;

namespace GanDsl.Nn.Optimizers;

/// <summary>
/// Stochastic gradient descent with PyTorch's update: g ← g + λ·p; with momentum μ, b ← μ·b + g (b = g on the first step); p ← p − lr·b.
/// </summary>
public sealed class Sgd : Optimizer
{
    private readonly Tensor[] _momentumBuffers;

    public Sgd(IReadOnlyList<Tensor> parameters, float learningRate, float momentum = 0f, float weightDecay = 0f)
        : base(parameters, learningRate)
    {
        if (momentum < 0) throw new ArgumentOutOfRangeException(nameof(momentum), $"SGD momentum must not be negative but is {momentum}.");
        if (weightDecay < 0) throw new ArgumentOutOfRangeException(nameof(weightDecay), $"SGD weight decay must not be negative but is {weightDecay}.");
        Momentum = momentum;
        WeightDecay = weightDecay;
        _momentumBuffers = ZerosLike(parameters);
    }

    public float Momentum { get; }
    public float WeightDecay { get; }

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

    public override IReadOnlyList<(string Name, Tensor Value)> State() =>
        _momentumBuffers.Select((t, i) => ($"{i}.momentum_buffer", t)).ToList();
}

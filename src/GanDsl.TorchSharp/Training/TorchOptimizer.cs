using GanDsl.Training;
using GanDsl.Training.Engines;
using TorchSharp;
using static TorchSharp.torch;
using Parameter = TorchSharp.Modules.Parameter;

namespace GanDsl.TorchSharp.Training;

/// <summary>
/// An optimizer of the torch engine with the managed engine's rules (PyTorch's) and its state names: per parameter index i,
/// in the managed net's parameter order, <c>"{i}.exp_avg"</c> and <c>"{i}.exp_avg_sq"</c> (Adam, AdamW) or
/// <c>"{i}.momentum_buffer"</c> (SGD), and one step count. Its state tensors live on the parameters' device, created once.
/// </summary>
internal abstract class TorchOptimizer : IDisposable
{
    private readonly (string Suffix, Tensor[] Values)[] _state;

    protected TorchOptimizer(IReadOnlyList<Parameter> parameters, float learningRate, params string[] stateNames)
    {
        Parameters = parameters;
        LearningRate = learningRate;
        _state = stateNames.Select(n => (n, parameters.Select(ZerosLike).ToArray())).ToArray();
    }

    /// <summary>The parameters in the managed net's order.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    public float LearningRate { get; }

    /// <summary>Updates taken.</summary>
    public long StepCount { get; private set; }

    /// <summary>The optimizer the configuration names, with the managed engine's hyper-parameters (Adam's ε 1e-8).</summary>
    public static TorchOptimizer Create(TrainingConfig config, IReadOnlyList<Parameter> parameters, float learningRate) => config.Optimizer switch
    {
        OptimizerKind.Sgd => new TorchSgd(parameters, learningRate, config.Momentum, config.WeightDecay),
        OptimizerKind.Adam => new TorchAdam(parameters, learningRate, config.Beta1, config.Beta2, 1e-8f, config.WeightDecay, decoupled: false),
        _ => new TorchAdam(parameters, learningRate, config.Beta1, config.Beta2, 1e-8f, config.WeightDecay, decoupled: true),
    };

    /// <summary>Zeroes every gradient that exists in place (PyTorch 1.13's default, as the managed engine does), so a parameter that had one keeps one.</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters)
            if (p.grad is { } g)
                using (g) g.zero_();
    }

    /// <summary>One update of every parameter that has a gradient (others are left alone, as PyTorch does).</summary>
    public void Step()
    {
        StepCount++;
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        for (int i = 0; i < Parameters.Count; i++)
        {
            var grad = Parameters[i].grad;
            if (grad is not null) Update(i, Parameters[i], grad);
        }
    }

    /// <summary>Updates parameter <paramref name="index"/> in place from its gradient; runs without autograd, in a dispose scope.</summary>
    protected abstract void Update(int index, Tensor parameter, Tensor grad);

    /// <summary>The state tensor <paramref name="suffix"/> of parameter <paramref name="index"/>.</summary>
    protected Tensor State(string suffix, int index) => _state.First(s => s.Suffix == suffix).Values[index];

    /// <summary>The state as managed copies, in the managed optimizer's order and names.</summary>
    public OptimizerSnapshot Capture()
    {
        var entries = new List<(string, GanDsl.Tensors.Tensor)>();
        for (int i = 0; i < Parameters.Count; i++)
            foreach (var (suffix, values) in _state)
                entries.Add(($"{i}.{suffix}", TorchTensors.ToManaged(values[i])));
        return new OptimizerSnapshot(StepCount, entries);
    }

    /// <summary>Takes back a state in <see cref="Capture"/>'s names and shapes (checked by the session beforehand).</summary>
    public void Load(OptimizerSnapshot snapshot)
    {
        var saved = snapshot.State.ToDictionary(e => e.Name, e => e.Value, StringComparer.Ordinal);
        using var noGrad = torch.no_grad();
        for (int i = 0; i < Parameters.Count; i++)
            foreach (var (suffix, values) in _state)
                TorchTensors.CopyInto(values[i], saved[$"{i}.{suffix}"]);
        StepCount = snapshot.Steps;
    }

    public void Dispose()
    {
        foreach (var (_, values) in _state)
            foreach (var t in values) t.Dispose();
    }

    private static Tensor ZerosLike(Parameter p) => torch.zeros_like(p).DetachFromDisposeScope();
}

/// <summary>
/// Adam and AdamW as PyTorch (and the managed <see cref="Nn.Optimizers.Adam"/>) update: m ← β₁m + (1−β₁)g,
/// v ← β₂v + (1−β₂)g², p ← p − (lr / (1−β₁ᵗ)) · m / (√v / √(1−β₂ᵗ) + ε); Adam adds λ·p to the gradient, AdamW multiplies p by
/// 1 − lr·λ first. The bias corrections are formed in double from the betas as written (0.999f is 0.999), as PyTorch does.
/// </summary>
internal sealed class TorchAdam : TorchOptimizer
{
    private const string ExpAvg = "exp_avg", ExpAvgSq = "exp_avg_sq";
    private readonly float _beta1, _beta2, _eps, _weightDecay;
    private readonly double _beta1Written, _beta2Written;
    private readonly bool _decoupled;

    public TorchAdam(IReadOnlyList<Parameter> parameters, float learningRate, float beta1, float beta2, float eps, float weightDecay, bool decoupled)
        : base(parameters, learningRate, ExpAvg, ExpAvgSq)
    {
        (_beta1, _beta2, _eps, _weightDecay, _decoupled) = (beta1, beta2, eps, weightDecay, decoupled);
        (_beta1Written, _beta2Written) = (AsWritten(beta1), AsWritten(beta2));
    }

    protected override void Update(int index, Tensor parameter, Tensor grad)
    {
        double bias1 = 1 - Math.Pow(_beta1Written, StepCount);
        double bias2 = 1 - Math.Pow(_beta2Written, StepCount);
        float stepSize = (float)(LearningRate / bias1);
        float bias2Sqrt = (float)Math.Sqrt(bias2);
        if (_decoupled) parameter.mul_(1f - LearningRate * _weightDecay);
        var g = !_decoupled && _weightDecay != 0f ? grad.add(parameter, _weightDecay) : grad;
        var m = State(ExpAvg, index).mul_(_beta1).add_(g, (float)(1 - _beta1Written));
        var v = State(ExpAvgSq, index).mul_(_beta2).addcmul_(g, g, (float)(1 - _beta2Written));
        var denominator = v.sqrt().div_(bias2Sqrt).add_(_eps);
        parameter.addcdiv_(m, denominator, -stepSize);
    }

    private static double AsWritten(float value) =>
        double.Parse(value.ToString("R", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// SGD as PyTorch (and the managed <see cref="Nn.Optimizers.Sgd"/>) updates: g ← g + λ·p; with momentum μ, b ← μ·b + g
/// (b = g on the first step); p ← p − lr·b.
/// </summary>
internal sealed class TorchSgd(IReadOnlyList<Parameter> parameters, float learningRate, float momentum, float weightDecay)
    : TorchOptimizer(parameters, learningRate, MomentumBuffer)
{
    private const string MomentumBuffer = "momentum_buffer";

    protected override void Update(int index, Tensor parameter, Tensor grad)
    {
        var g = weightDecay != 0f ? grad.add(parameter, weightDecay) : grad;
        if (momentum != 0f)
        {
            var buffer = State(MomentumBuffer, index);
            if (StepCount == 1) buffer.copy_(g);
            else buffer.mul_(momentum).add_(g);
            g = buffer;
        }
        parameter.add_(g, -LearningRate);
    }
}

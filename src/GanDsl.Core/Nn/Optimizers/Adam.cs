using System.Globalization;
using GanDsl.Tensors;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Nn.Optimizers;

/// <summary>
/// Adam and AdamW with PyTorch's update rules: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g²,
/// p ← p − (lr / (1−β₁ᵗ)) · m / (√v / √(1−β₂ᵗ) + ε). Adam adds λ·p to the gradient (L2);
/// AdamW instead decays the parameter first, p ← p·(1 − lr·λ) (decoupled weight decay).
/// </summary>
public class Adam : Optimizer
{
    private readonly Tensor[] _expAvg;
    private readonly Tensor[] _expAvgSq;

    /// <summary>Adam (<c>torch.optim.Adam</c>, same defaults) with L2 weight decay added to the gradient.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A rate, beta, eps or weight decay is out of its range (betas in [0, 1), the rest non-negative).</exception>
    public Adam(IReadOnlyList<Tensor> parameters, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f,
        float eps = 1e-8f, float weightDecay = 0f)
        : this(parameters, learningRate, beta1, beta2, eps, weightDecay, decoupled: false) { }

    /// <summary>Adam, or AdamW when <paramref name="decoupled"/> (the weight decay shrinks the parameter instead of adding to the gradient).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A rate, beta, eps or weight decay is out of its range.</exception>
    protected Adam(IReadOnlyList<Tensor> parameters, float learningRate, float beta1, float beta2, float eps, float weightDecay, bool decoupled)
        : base(parameters, learningRate)
    {
        if (!(beta1 >= 0 && beta1 < 1)) throw new ArgumentOutOfRangeException(nameof(beta1), $"Adam beta1 must be in [0, 1) but is {beta1}.");
        if (!(beta2 >= 0 && beta2 < 1)) throw new ArgumentOutOfRangeException(nameof(beta2), $"Adam beta2 must be in [0, 1) but is {beta2}.");
        if (!(eps >= 0)) throw new ArgumentOutOfRangeException(nameof(eps), $"Adam eps must not be negative but is {eps}.");
        if (!(weightDecay >= 0)) throw new ArgumentOutOfRangeException(nameof(weightDecay), $"Weight decay must not be negative but is {weightDecay}.");
        (Beta1, Beta2, Eps, WeightDecay, Decoupled) = (beta1, beta2, eps, weightDecay, decoupled);
        (_beta1, _beta2) = (AsWritten(beta1), AsWritten(beta2));
        _expAvg = ZerosLike(parameters);
        _expAvgSq = ZerosLike(parameters);
    }

    // PyTorch takes the betas as Python floats (double) and forms 1 − β and 1 − βᵗ in double. From the float 0.999f,
    // 1 − β is 1.3e-5 off 0.001 (relatively), which shows in exp_avg_sq; so subtract from the decimal the caller wrote.
    private readonly double _beta1;
    private readonly double _beta2;

    /// <summary>The shortest decimal that round-trips <paramref name="value"/> (0.999f → 0.999), as a double.</summary>
    private static double AsWritten(float value) =>
        double.Parse(value.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>β₁, the decay of the gradient's running mean m.</summary>
    public float Beta1 { get; }

    /// <summary>β₂, the decay of the squared gradient's running mean v.</summary>
    public float Beta2 { get; }

    /// <summary>ε, added to √v̂ in the denominator.</summary>
    public float Eps { get; }

    /// <summary>λ: L2 penalty for Adam, decoupled decay for AdamW.</summary>
    public float WeightDecay { get; }

    /// <summary>True for AdamW's decoupled weight decay.</summary>
    public bool Decoupled { get; }

    // A square root and two divisions per element plus seven streams of memory: on the worker pool's threads, in chunks,
    // the MLP GAN's 2.05 M parameters take 1.3-1.5 ms instead of 2.2 on one thread. With one thread (KernelSettings.Threads),
    // one loop per parameter: the same bits.
    /// <summary>Updates every parameter with a gradient, spread over the worker threads unless <see cref="KernelSettings.Threads"/> is 1 (same bits either way).</summary>
    protected override void UpdateAll()
    {
        if (KernelSettings.Threads == 1)
        {
            base.UpdateAll();
            return;
        }

        _parallel ??= new AdamParallelUpdate();
        _parallel.Run(Constants(), Parameters, _expAvg, _expAvgSq);
    }

    /// <inheritdoc/>
    protected override void Update(int index, Span<float> p, ReadOnlySpan<float> grad) =>
        UpdateRange(Constants(), p, grad, _expAvg[index].Data, _expAvgSq[index].Data);

    private AdamParallelUpdate? _parallel;

    internal static void UpdateRange(in AdamConstants k, Span<float> p, ReadOnlySpan<float> grad, Span<float> m, Span<float> v)
    {
        int i = KernelSettings.Allows(VectorWidth.Bits512) ? AdamKernel.Vectorized512(k, p, grad, m, v) : 0;
        if (KernelSettings.Allows(VectorWidth.Bits256)) i += AdamKernel.Vectorized(k, p[i..], grad[i..], m[i..], v[i..]);
        AdamKernel.Scalar(k, p[i..], grad[i..], m[i..], v[i..]);
    }

    private AdamConstants Constants()
    {
        // PyTorch computes the bias corrections in double precision and the update in float.
        double bias1 = 1 - Math.Pow(_beta1, StepCount);
        double bias2 = 1 - Math.Pow(_beta2, StepCount);
        float stepSize = (float)(LearningRate / bias1);
        float bias2Sqrt = (float)Math.Sqrt(bias2);
        float decay = 1f - LearningRate * WeightDecay;
        return new AdamConstants(Beta1, Beta2, (float)(1 - _beta1), (float)(1 - _beta2), stepSize, bias2Sqrt, Eps,
            Decoupled ? decay : 1f, Decoupled ? 0f : WeightDecay);
    }

    /// <summary><c>"{i}.exp_avg"</c> and <c>"{i}.exp_avg_sq"</c> for each parameter i, as PyTorch's optimizer state names them.</summary>
    public override IReadOnlyList<(string Name, Tensor Value)> State()
    {
        var state = new List<(string, Tensor)>();
        for (int i = 0; i < _expAvg.Length; i++)
        {
            state.Add(($"{i}.exp_avg", _expAvg[i]));
            state.Add(($"{i}.exp_avg_sq", _expAvgSq[i]));
        }
        return state;
    }
}

/// <summary>Adam with decoupled weight decay (PyTorch's default λ = 0.01).</summary>
public sealed class AdamW(IReadOnlyList<Tensor> parameters, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f,
    float eps = 1e-8f, float weightDecay = 0.01f)
    : Adam(parameters, learningRate, beta1, beta2, eps, weightDecay, decoupled: true);

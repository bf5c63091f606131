using GanDsl.Autograd;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>
/// A layer with a weight and an optional bias (Linear, Conv2d, ConvTranspose2d), optionally spectrally normalised as
/// <c>torch.nn.utils.spectral_norm</c> does it: the parameter is then called <c>weight_orig</c> and registered after the bias,
/// with buffers <c>weight_u</c> and <c>weight_v</c>, so the state dict reads <c>bias, weight_orig, weight_u, weight_v</c> as
/// PyTorch's does and loads into a PyTorch layer wrapped the same way.
/// </summary>
public abstract class WeightedLayer : Module
{
    private readonly int _spectralDim;

    /// <param name="weightShape">The weight as PyTorch lays it out.</param>
    /// <param name="biasSize">The bias length (the output channels or features).</param>
    /// <param name="spectralDim">The weight axis spectral norm treats as the rows: 0, or 1 for a transposed convolution.</param>
    private protected WeightedLayer(int[] weightShape, int biasSize, bool bias, bool spectralNorm, int spectralDim)
    {
        _spectralDim = spectralDim;
        if (!spectralNorm)
        {
            Weight = RegisterParameter("weight", Tensor.Zeros(weightShape));
            Bias = bias ? RegisterParameter("bias", Tensor.Zeros(biasSize)) : null;
            return;
        }
        Bias = bias ? RegisterParameter("bias", Tensor.Zeros(biasSize)) : null;
        Weight = RegisterParameter("weight_orig", Tensor.Zeros(weightShape));
        int rows = weightShape[spectralDim];
        WeightU = RegisterBuffer("weight_u", Tensor.Zeros(rows));
        WeightV = RegisterBuffer("weight_v", Tensor.Zeros(Weight.Size / rows));
    }

    /// <summary>The trained weight: <c>weight</c>, or <c>weight_orig</c> under spectral norm (the forward pass divides it by σ).</summary>
    public Tensor Weight { get; }

    public Tensor? Bias { get; }

    /// <summary>Spectral norm's left singular vector estimate (one entry per weight row), or null without spectral norm.</summary>
    public Tensor? WeightU { get; }

    /// <summary>Spectral norm's right singular vector estimate, or null without spectral norm.</summary>
    public Tensor? WeightV { get; }

    public bool SpectralNorm => WeightU is not null;

    /// <summary>
    /// The weight the forward pass uses: <see cref="Weight"/>, or under spectral norm <see cref="Weight"/>/σ, after one power
    /// iteration on u and v in training mode (none in evaluation mode).
    /// </summary>
    protected Tensor ForwardWeight() =>
        WeightU is null ? Weight : Ops.SpectralNormWeight(Weight, WeightU, WeightV!, _spectralDim, Training, (float)Shapes.SpectralNormOption.Eps);

    /// <summary>Spectral norm's starting u and v: normal draws, each normalised, drawn after the weight and bias as PyTorch does.</summary>
    protected void ResetSpectralVectors(Rng rng)
    {
        if (WeightU is null) return;
        foreach (var vector in new[] { WeightU, WeightV! })
        {
            rng.FillNormal(vector.Data);
            double norm = Math.Sqrt(vector.Data.Sum(v => (double)v * v));
            float scale = (float)(1.0 / Math.Max(norm, Shapes.SpectralNormOption.Eps));
            for (int i = 0; i < vector.Size; i++) vector.Data[i] *= scale;
        }
    }
}

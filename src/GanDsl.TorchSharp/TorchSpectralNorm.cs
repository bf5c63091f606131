using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanDsl.TorchSharp;

/// <summary>
/// A Linear, Conv2d or ConvTranspose2d under PyTorch's <c>nn.utils.spectral_norm</c> (TorchSharp has none): parameters
/// <c>bias</c> and <c>weight_orig</c>, buffers <c>weight_u</c> and <c>weight_v</c>, registered in PyTorch's order. Each
/// training forward takes one power-iteration step on u and v (no gradient), then uses weight_orig / σ with σ = uᵀ W v,
/// W the weight as a matrix whose rows are axis <c>dim</c> (1 for a transposed convolution); evaluation takes no step.
/// </summary>
internal sealed class TorchSpectralNorm : nn.Module<Tensor, Tensor>
{
    /// <summary>PyTorch's eps of spectral_norm, the floor of a norm when u and v are normalised.</summary>
    private const double Eps = 1e-12;

    private readonly int _dim;
    private readonly long _rows;
    private readonly bool _hasBias;
    private readonly Func<Tensor, Tensor, Tensor?, Tensor> _apply;

    /// <param name="name">The layer's class name (Linear, Conv2d, ConvTranspose2d).</param>
    /// <param name="weightShape">The weight as PyTorch lays it out.</param>
    /// <param name="outputs">The bias length.</param>
    /// <param name="hasBias">Whether the layer has a bias.</param>
    /// <param name="dim">The weight axis spectral norm treats as rows.</param>
    /// <param name="apply">The layer's function of input, normalised weight and bias.</param>
    public TorchSpectralNorm(string name, long[] weightShape, long outputs, bool hasBias, int dim, Func<Tensor, Tensor, Tensor?, Tensor> apply) : base(name)
    {
        (_dim, _rows, _hasBias, _apply) = (dim, weightShape[dim], hasBias, apply);
        long columns = weightShape.Aggregate(1L, (a, b) => a * b) / _rows;
        if (hasBias) register_parameter("bias", new Parameter(zeros(outputs), requires_grad: true));
        register_parameter("weight_orig", new Parameter(zeros(weightShape), requires_grad: true));
        register_buffer("weight_u", zeros(_rows), persistent: true);
        register_buffer("weight_v", zeros(columns), persistent: true);
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var bias = _hasBias ? get_parameter("bias") : null;
        return _apply(input, NormalizedWeight(), bias).MoveToOuterDisposeScope();
    }

    private Tensor NormalizedWeight()
    {
        var weight = get_parameter("weight_orig")!;
        var u = get_buffer("weight_u")!;
        var v = get_buffer("weight_v")!;
        var matrix = (_dim == 0 ? weight : weight.transpose(0, 1)).reshape(_rows, -1);
        if (training)
        {
            using (no_grad())
            {
                v.copy_(nn.functional.normalize(mv(matrix.t(), u), dim: 0, eps: Eps));
                u.copy_(nn.functional.normalize(mv(matrix, v), dim: 0, eps: Eps));
            }
        }
        // Clones, as PyTorch takes them: the next forward's in-place step must not touch this graph's constants.
        var sigma = dot(u.clone(), mv(matrix, v.clone()));
        return weight / sigma;
    }
}

using GanDsl.Autograd;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>
/// The normalisations that use each sample's own statistics (LayerNorm, InstanceNorm2d, GroupNorm): <see cref="Ops.GroupNormalize"/>
/// over groups of channels, then, when affine, a weight (initialised to ones) and a bias (zeros) of <paramref name="affineShape"/>.
/// They behave the same in training and evaluation, and DCGAN's initialisation leaves them as PyTorch's does (it only
/// re-draws batch norm).
/// </summary>
public abstract class Normalization : Module
{
    private readonly int[] _affineShape;

    private protected Normalization(int[] affineShape, bool affine)
    {
        _affineShape = affineShape;
        if (!affine) return;
        Weight = RegisterParameter("weight", Tensor.Full(1f, affineShape));
        Bias = RegisterParameter("bias", Tensor.Zeros(affineShape));
    }

    /// <summary>PyTorch's default ε under the square root.</summary>
    public const float Eps = 1e-5f;

    public Tensor? Weight { get; }
    public Tensor? Bias { get; }

    /// <summary>x normalised in <paramref name="groups"/> groups, scaled and shifted by the affine broadcast as <paramref name="affineView"/>.</summary>
    protected Tensor Normalize(Tensor x, int groups, Shape affineView)
    {
        var y = Ops.GroupNormalize(x, groups, Eps);
        if (Weight is null || Bias is null) return y;
        return Ops.Add(Ops.Mul(y, Ops.Reshape(Weight, affineView)), Ops.Reshape(Bias, affineView));
    }

    /// <summary>[C, 1, 1] for an image batch, [C] for a flat one: the per-channel affine as it broadcasts over x.</summary>
    protected static Shape ChannelView(Tensor x, int channels)
    {
        var dims = new int[x.Rank - 1];
        Array.Fill(dims, 1);
        dims[0] = channels;
        return new Shape(dims);
    }

    protected override void ResetParameters(Init scheme, Rng rng)
    {
        if (Weight is null || Bias is null) return;
        Array.Fill(Weight.Data, 1f);
        Array.Clear(Bias.Data);
    }

    /// <summary>Throws the sentence a caller needs when <paramref name="x"/>'s per-sample shape is not <paramref name="expected"/>.</summary>
    protected static void RequireSample(string layer, Tensor x, IReadOnlyList<int> expected, string want)
    {
        bool fits = x.Rank == expected.Count + 1;
        for (int i = 0; fits && i < expected.Count; i++) fits = x.Shape[i + 1] == expected[i];
        if (!fits) throw new ArgumentException($"{layer} needs {want} but receives {x.Shape}.");
    }
}

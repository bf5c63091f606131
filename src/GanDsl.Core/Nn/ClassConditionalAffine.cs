using GanDsl.Autograd;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>
/// The class-conditional half of conditional batch norm (de Vries et al. 2017; Miyato and Koyama 2018): after a batch norm
/// without its own affine, y = gain[label]·x + bias[label] per channel. <c>gain</c> and <c>bias</c> are nn.Embedding tables
/// [classes, channels] (state dict names <c>gain.weight</c>, <c>bias.weight</c>, as a PyTorch module holding two embeddings
/// <c>gain</c> and <c>bias</c> names them), initialised to ones and zeros, so the layer starts as plain batch norm; under
/// DCGAN's scheme the gains are drawn N(1, 0.02) as batch norm weights are.
/// </summary>
public sealed class ClassConditionalAffine : Module
{
    public ClassConditionalAffine(int classes, int channels)
    {
        LayerValidation.RequirePositive("ClassConditionalAffine", nameof(classes), classes);
        LayerValidation.RequirePositive("ClassConditionalAffine", nameof(channels), channels);
        (Classes, Channels) = (classes, channels);
        // The tables are this module's own parameters under the embeddings' dotted names: no child draws N(0, 1) first.
        Gain = RegisterParameter("gain.weight", Tensor.Full(1f, classes, channels));
        Shift = RegisterParameter("bias.weight", Tensor.Zeros(classes, channels));
    }

    public int Classes { get; }
    public int Channels { get; }

    /// <summary>The per-class gains [classes, channels] (state dict <c>gain.weight</c>).</summary>
    public Tensor Gain { get; }

    /// <summary>The per-class biases [classes, channels] (state dict <c>bias.weight</c>).</summary>
    public Tensor Shift { get; }

    /// <summary>x [N, C] or [N, C, H, W] scaled and shifted by each sample's class.</summary>
    public Tensor Forward(Tensor x, int[] labels)
    {
        if (x.Rank < 2 || x.Shape[1] != Channels)
            throw new ArgumentException($"ClassConditionalAffine({Classes}, {Channels}) needs an input [N, {Channels}, …] but receives {x.Shape}.");
        if (labels.Length != x.Shape[0])
            throw new ArgumentException($"ClassConditionalAffine needs one label per sample but got {labels.Length} labels for {x.Shape[0]} samples.");
        var view = new int[x.Rank];
        Array.Fill(view, 1);
        (view[0], view[1]) = (x.Shape[0], Channels);
        var shape = new Shape(view);
        return Ops.Add(Ops.Mul(x, Ops.Reshape(Ops.Embedding(Gain, labels), shape)), Ops.Reshape(Ops.Embedding(Shift, labels), shape));
    }

    /// <summary>The affine needs labels; <see cref="Forward(Tensor, int[])"/> takes them.</summary>
    public override Tensor Forward(Tensor input) =>
        throw new InvalidOperationException("ClassConditionalAffine needs the labels too; call Forward(x, labels).");

    protected override void ResetParameters(Init scheme, Rng rng)
    {
        if (scheme == Init.Dcgan) rng.FillNormal(Gain.Data, 1f, 0.02f);
        else Array.Fill(Gain.Data, 1f);
        Array.Clear(Shift.Data);
    }
}

using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanDsl.TorchSharp;

/// <summary>
/// A projection discriminator's label term on TorchSharp, as GanDsl.Nn.LabelProjection: ⟨weight[y], h⟩ per sample, [N, 1]. Its
/// one parameter is <c>weight</c> [classes, features], an nn.Embedding's, so registered as <c>emb</c> it reads <c>emb.weight</c>.
/// </summary>
public sealed class TorchLabelProjection : nn.Module<Tensor, Tensor, Tensor>
{
    /// <summary>A table of <paramref name="classes"/> rows of <paramref name="features"/> (its values come from the managed net).</summary>
    public TorchLabelProjection(long classes, long features) : base("LabelProjection")
    {
        register_parameter("weight", new Parameter(zeros(classes, features), requires_grad: true));
    }

    /// <summary>Σ_f h[n, f]·weight[labels[n], f] for features <paramref name="features"/> [N, F] and int64 labels [N].</summary>
    public override Tensor forward(Tensor features, Tensor labels)
    {
        using var scope = NewDisposeScope();
        var rows = get_parameter("weight")!.index_select(0, labels.to(ScalarType.Int64));
        return (rows * features).sum(1, keepdim: true).MoveToOuterDisposeScope();
    }
}

/// <summary>
/// Conditional batch norm's per-class affine on TorchSharp, as GanDsl.Nn.ClassConditionalAffine: gain[y]·x + bias[y] per channel
/// with two nn.Embedding tables <c>gain</c> and <c>bias</c> [classes, channels] (state dict <c>gain.weight</c>, <c>bias.weight</c>).
/// </summary>
public sealed class TorchClassConditionalAffine : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Embedding _gain, _bias;

    /// <summary>Gain and bias tables of <paramref name="classes"/> rows of <paramref name="channels"/> (their values come from the managed net).</summary>
    public TorchClassConditionalAffine(long classes, long channels) : base("ClassConditionalAffine")
    {
        _gain = nn.Embedding(classes, channels);
        _bias = nn.Embedding(classes, channels);
        register_module("gain", _gain);
        register_module("bias", _bias);
    }

    /// <summary>x [N, C] or [N, C, H, W] scaled and shifted by the rows of its int64 labels [N].</summary>
    public override Tensor forward(Tensor x, Tensor labels)
    {
        using var scope = NewDisposeScope();
        var view = new long[x.dim()];
        Array.Fill(view, 1L);
        (view[0], view[1]) = (x.shape[0], x.shape[1]);
        var index = labels.to(ScalarType.Int64);
        return (x * _gain.forward(index).view(view) + _bias.forward(index).view(view)).MoveToOuterDisposeScope();
    }
}

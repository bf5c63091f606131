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
    // An array, not two fields: registered as a child, a module has TorchSharp register its module-typed fields under their own names.
    private readonly Embedding[] _tables;

    /// <summary>Gain and bias tables of <paramref name="classes"/> rows of <paramref name="channels"/> (their values come from the managed net).</summary>
    public TorchClassConditionalAffine(long classes, long channels) : base("ClassConditionalAffine")
    {
        _tables = [nn.Embedding(classes, channels), nn.Embedding(classes, channels)];
        register_module("gain", _tables[0]);
        register_module("bias", _tables[1]);
    }

    /// <summary>x [N, C] or [N, C, H, W] scaled and shifted by the rows of its int64 labels [N].</summary>
    public override Tensor forward(Tensor x, Tensor labels)
    {
        using var scope = NewDisposeScope();
        var view = new long[x.dim()];
        Array.Fill(view, 1L);
        (view[0], view[1]) = (x.shape[0], x.shape[1]);
        var index = labels.to(ScalarType.Int64);
        return (x * _tables[0].forward(index).view(view) + _tables[1].forward(index).view(view)).MoveToOuterDisposeScope();
    }
}

/// <summary>
/// Modules registered under their own names inside one parent, as PyTorch's nn.ModuleDict holds them: conditional batch norm's
/// per-class affines live in <c>cbn</c> as <c>"3"</c>, <c>"7"</c> …, so their state reads <c>cbn.3.gain.weight</c>
/// (TorchSharp refuses a dotted name in register_module).
/// </summary>
public sealed class TorchModuleGroup : nn.Module
{
    /// <summary>An empty group (its name is the module's, not part of the state dict's keys).</summary>
    public TorchModuleGroup() : base("ModuleDict") { }

    /// <summary>Registers <paramref name="module"/> as <paramref name="name"/> and returns it.</summary>
    public T Add<T>(string name, T module) where T : nn.Module
    {
        register_module(name, module);
        return module;
    }
}

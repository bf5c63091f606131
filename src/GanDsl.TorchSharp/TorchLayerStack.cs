using System.Globalization;
using GanDsl.Nn;
using GanDsl.Shapes;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.TorchSharp;

/// <summary>
/// A declared layer stack (<see cref="NetArchitecture"/>) as a TorchSharp module: its layers registered as
/// <c>nn.Sequential</c> names them ("0", "1", …), a conditional net's label embedding or projection as "emb" and conditional
/// batch norm's per-class affines as "cbn.K" (<see cref="LabelModules"/>), so <c>state_dict()</c> reads <c>0.weight</c>,
/// <c>1.running_mean</c>, <c>emb.weight</c> … like the managed net's checkpoint. Each layer is the TorchSharp module its kind
/// names (<see cref="LayerSpec.TorchModule"/>). Built by <see cref="TorchNets"/>.
/// </summary>
public sealed class TorchLayerStack : TorchNet
{
    private readonly nn.Module<Tensor, Tensor>[] _layers;
    private readonly nn.Module<Tensor, Tensor>? _embedding;
    private readonly TorchLabelProjection? _projection;
    private readonly Dictionary<int, TorchClassConditionalAffine> _affines = new();
    private readonly nn.Module<Tensor, Tensor>? _classifier;

    internal TorchLayerStack(NetArchitecture architecture, string name) : base(name)
    {
        var shapes = ShapeInference.InferStack(architecture.StackInput, architecture.Layers);
        if (!shapes.IsValid) throw new ShapeMismatchException(shapes.Error!.Message);
        Architecture = architecture;
        if (HasEmbedding(architecture))
        {
            _embedding = nn.Embedding(architecture.Classes, architecture.Classes);
            register_module(LabelModules.EmbeddingName, _embedding);
        }
        else if (architecture.Conditioning == LabelConditioning.Projection)
        {
            _projection = new TorchLabelProjection(architecture.Classes, LabelModules.ProjectionFeatures(architecture));
            register_module(LabelModules.EmbeddingName, _projection);
        }
        _layers = new nn.Module<Tensor, Tensor>[architecture.Layers.Count];
        for (int i = 0; i < _layers.Length; i++)
        {
            _layers[i] = TorchLayerFactory.Create(architecture.Layers[i], i == 0 ? shapes.Input : shapes.Outputs[i - 1]);
            register_module(i.ToString(CultureInfo.InvariantCulture), _layers[i]);
        }
        if (architecture.ConditionalNorms.Count > 0)
        {
            var group = new TorchModuleGroup();
            register_module(LabelLayout.ConditionalNormGroup, group);
            foreach (int k in architecture.ConditionalNorms)
                _affines[k] = group.Add(k.ToString(CultureInfo.InvariantCulture), new TorchClassConditionalAffine(architecture.Classes, shapes.Outputs[k][0]));
        }
        if (LabelModules.Classifier(architecture) is { } head)
        {
            _classifier = nn.Linear(head.InFeatures, head.OutFeatures);
            register_module(LabelModules.ClassifierName, _classifier);
        }
    }

    /// <summary>The stack this module was built from.</summary>
    public NetArchitecture Architecture { get; }

    /// <inheritdoc/>
    public override int Classes => Architecture.Classes;

    /// <summary>The layers in order, as registered ("0", "1", …).</summary>
    public IReadOnlyList<nn.Module<Tensor, Tensor>> Layers => _layers;

    /// <summary>The stack on an input shaped [N, <see cref="NetArchitecture.StackInput"/>…] (labels already mixed in).</summary>
    public override Tensor forward(Tensor input)
    {
        var x = input;
        foreach (var layer in _layers)
        {
            var next = layer.forward(x);
            // Intermediate handles are released at once (the autograd graph keeps what it needs), as nn.Sequential does.
            if (!ReferenceEquals(x, input) && !ReferenceEquals(next, x)) x.Dispose();
            x = next;
        }
        return x;
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input, Tensor? labels)
    {
        // An auxiliary classifier scores without labels; its class head is ScoreAndClassify's.
        if (Architecture.Conditioning is LabelConditioning.None or LabelConditioning.AuxiliaryClassifier) return forward(input);
        if (labels is null) throw TorchLabels.Missing(GetName(), Classes);
        using var scope = NewDisposeScope();
        if (_projection is not null || _affines.Count > 0) return LabelledStack(input, labels).MoveToOuterDisposeScope();
        var mixed = Architecture.Conditioning switch
        {
            LabelConditioning.EmbeddingAtInput => torch.cat([input, _embedding!.forward(labels)], 1),
            LabelConditioning.OneHotPlanes or LabelConditioning.OneHotPlanesAndClassifier =>
                torch.cat([input, TorchLabels.OneHotPlanes(labels, Classes, input.shape[2], input.shape[3])], 1),
            // The leading Flatten first, then the embedding; forward's Flatten leaves the flat batch as it is.
            _ => torch.cat([_layers[0].forward(input), _embedding!.forward(labels)], 1),
        };
        return forward(mixed).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public override bool ClassifiesSamples => _classifier is not null;

    /// <inheritdoc/>
    public override (Tensor Scores, Tensor ClassLogits) ScoreAndClassify(Tensor input, Tensor? labels)
    {
        if (_classifier is null) return base.ScoreAndClassify(input, labels);
        using var scope = NewDisposeScope();
        int head = Architecture.ClassifierHead;
        if (Architecture.Conditioning == LabelConditioning.OneHotPlanesAndClassifier)
        {
            // The score sees the labels; the class head reads a second pass whose label planes are all zero.
            var scores = forward(input, labels);
            var blank = torch.cat([input, torch.zeros([input.shape[0], Classes, input.shape[2], input.shape[3]], input.dtype, input.device)], 1);
            return (scores.MoveToOuterDisposeScope(), _classifier.forward(Through(blank, 0, head)).MoveToOuterDisposeScope());
        }
        var h = Through(input, 0, head);
        return (Through(h, head, _layers.Length).MoveToOuterDisposeScope(), _classifier.forward(h).MoveToOuterDisposeScope());
    }

    /// <summary>Layers [<paramref name="from"/>, <paramref name="to"/>) on <paramref name="x"/>.</summary>
    private Tensor Through(Tensor x, int from, int to)
    {
        for (int i = from; i < to; i++) x = _layers[i].forward(x);
        return x;
    }

    /// <summary>The stack with the label terms inside it: the projection added at its head, the per-class affines after their batch norms.</summary>
    private Tensor LabelledStack(Tensor input, Tensor labels)
    {
        int head = Architecture.ProjectionHead;
        var x = input;
        for (int i = 0; i < _layers.Length; i++)
        {
            var y = _layers[i].forward(x);
            if (i == head) y = y + _projection!.forward(x, labels);
            else if (_affines.TryGetValue(i, out var affine)) y = affine.forward(y, labels);
            x = y;
        }
        return x;
    }

    internal static bool HasEmbedding(NetArchitecture architecture) =>
        architecture.Conditioning is LabelConditioning.EmbeddingAtInput or LabelConditioning.EmbeddingAfterFlatten;
}

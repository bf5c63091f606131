using System.Globalization;
using GanDsl.Nn;
using GanDsl.Tensors;

namespace GanDsl.TorchSharp;

/// <summary>
/// The managed net an architecture describes, built and initialised exactly as the generated constructor does it (the
/// label module "emb" first, then the layers "0", "1", …, then the per-class affines "cbn.K" and a class head "cls", from one <see cref="Rng"/>),
/// so that <c>TorchNets.Build(architecture, seed)</c>
/// gives the weights <c>new Net(seed)</c> has: initialisation stays defined once, in GanDsl.Nn.
/// </summary>
internal sealed class ManagedTwin : Module
{
    private readonly Sequential _stack;

    public ManagedTwin(NetArchitecture architecture, ulong seed)
    {
        if (LabelModules.Embedding(architecture) is { } embedding) Register(LabelModules.EmbeddingName, embedding);
        _stack = LayerStack.Build(architecture.StackInput, architecture.Layers.ToArray());
        for (int i = 0; i < _stack.Count; i++) Register(i.ToString(CultureInfo.InvariantCulture), _stack[i]);
        foreach (var (name, _, affine) in LabelModules.ConditionalAffines(architecture)) Register(name, affine);
        if (LabelModules.Classifier(architecture) is { } classifier) Register(LabelModules.ClassifierName, classifier);
        Initialize(architecture.Init, new Rng(seed));
    }

    public override Tensor Forward(Tensor input) => _stack.Forward(input);
}

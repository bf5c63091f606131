using GanDsl.Shapes;

namespace GanDsl.Nn;

/// <summary>How a conditional net mixes its class labels into the input of its layer stack.</summary>
public enum LabelConditioning
{
    /// <summary>Unconditional: the stack sees the input as it is.</summary>
    None,

    /// <summary><c>Embedding(Classes, Classes)(y)</c> (parameter <c>emb.weight</c>) concatenated to a flat input (a generator's z).</summary>
    EmbeddingAtInput,

    /// <summary><c>Classes</c> one-hot planes concatenated to an image's channels (no parameters).</summary>
    OneHotPlanes,

    /// <summary>The embedding concatenated right after the stack's leading <c>Flatten</c>.</summary>
    EmbeddingAfterFlatten,
}

/// <summary>
/// A net declared as a layer stack, as data: what the stack receives (labels mixed in), its layers, how labels enter and
/// how it is initialised. Engines other than the managed one (TorchSharp, ONNX export) rebuild a net from it, with the
/// state dict names <c>nn.Sequential</c> gives the same list (<c>"0.weight"</c> …, <c>"emb.weight"</c> for the embedding).
/// </summary>
/// <param name="StackInput">Per-sample input of the first layer, labels included (a conditional generator: z then the embedding).</param>
/// <param name="Layers">The layers in order.</param>
/// <param name="Conditioning">How labels enter; <see cref="LabelConditioning.None"/> when <paramref name="Classes"/> is 0.</param>
/// <param name="Classes">The label count of a conditional net; 0 otherwise.</param>
/// <param name="Init">The initialisation scheme the net's constructor applies.</param>
public sealed record NetArchitecture(IReadOnlyList<int> StackInput, IReadOnlyList<LayerSpec> Layers, LabelConditioning Conditioning, int Classes, Init Init)
{
    /// <summary>The architecture of a net whose constructor builds <paramref name="summary"/>'s stack.</summary>
    public static NetArchitecture Of(ModelSummary summary, LabelConditioning conditioning, int classes, Init init) =>
        new(summary.InputShape, summary.Layers, conditioning, classes, init);
}

using GanDsl.Shapes;

namespace GanDsl.Nn;

/// <summary>
/// A net declared as a layer stack, as data: what the stack receives (labels mixed in), its layers, how labels enter and
/// how it is initialised. Engines other than the managed one (TorchSharp, ONNX export) rebuild a net from it, with the
/// state dict names <c>nn.Sequential</c> gives the same list (<c>"0.weight"</c> …, <c>"emb.weight"</c> for the embedding or
/// the projection, <c>"cbn.3.gain.weight"</c> for conditional batch norm, <c>"cls.weight"</c> for a class head; see <see cref="LabelModules"/>).
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

    /// <summary>The per-sample input of layer <paramref name="index"/> (the stack input for layer 0).</summary>
    public int[] LayerInput(int index)
    {
        var shapes = ShapeInference.InferStack(StackInput, Layers);
        if (!shapes.IsValid) throw new ShapeMismatchException(shapes.Error!.Message);
        return index == 0 ? shapes.Input : shapes.Outputs[index - 1];
    }

    /// <summary>The layer a projection adds its label term to (see <see cref="LabelLayout.ProjectionHead"/>); -1 when there is none.</summary>
    public int ProjectionHead => Conditioning == LabelConditioning.Projection ? LabelLayout.ProjectionHead(Layers) : -1;

    /// <summary>The last Linear(1) whose input a class head reads (<see cref="HasClassHead"/>); -1 when there is none.</summary>
    public int ClassifierHead => HasClassHead(Conditioning) ? LabelLayout.ProjectionHead(Layers) : -1;

    /// <summary>True for the conditionings that give a discriminator a class head (<c>cls</c>).</summary>
    public static bool HasClassHead(LabelConditioning conditioning) =>
        conditioning is LabelConditioning.AuxiliaryClassifier or LabelConditioning.OneHotPlanesAndClassifier;

    /// <summary>The batch norms that take a per-class gain and bias; empty unless <see cref="LabelConditioning.ConditionalBatchNorm"/>.</summary>
    public IReadOnlyList<int> ConditionalNorms =>
        Conditioning == LabelConditioning.ConditionalBatchNorm ? LabelLayout.ConditionalNorms(Layers) : [];
}

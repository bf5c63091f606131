using GanDsl.Shapes;

namespace GanDsl.Nn;

/// <summary>
/// The modules through which a conditional net's labels enter, by state dict name, as a declared net registers them: the
/// module named <c>emb</c> before the layers (the input embedding, or a projection's table), the conditional batch norm
/// affines <c>cbn.K</c> and a discriminator's class head <c>cls</c> after them. The source generator writes the same modules;
/// rebuilt nets (TorchSharp's managed twin) use these.
/// </summary>
public static class LabelModules
{
    /// <summary>The name of the module registered before the layers.</summary>
    public const string EmbeddingName = "emb";

    /// <summary><c>emb</c>: Embedding(K, K) for the embedding conditionings, LabelProjection(K, features) for a projection; null otherwise.</summary>
    public static Module? Embedding(NetArchitecture architecture) => architecture.Conditioning switch
    {
        LabelConditioning.EmbeddingAtInput or LabelConditioning.EmbeddingAfterFlatten => new Embedding(architecture.Classes, architecture.Classes),
        LabelConditioning.Projection => new LabelProjection(architecture.Classes, ProjectionFeatures(architecture)),
        _ => null,
    };

    /// <summary>The width of the features h a projection discriminator's table multiplies: its head Linear's input.</summary>
    public static int ProjectionFeatures(NetArchitecture architecture)
    {
        int head = architecture.ProjectionHead;
        if (head < 0)
            throw new ArgumentException("A projection discriminator needs a last Linear(1) followed only by element-wise layers; end the stack with [Flatten] and [Linear(1)].", nameof(architecture));
        return architecture.LayerInput(head)[0];
    }

    /// <summary>The name of a discriminator's class head, registered after the layers.</summary>
    public const string ClassifierName = "cls";

    /// <summary>
    /// <c>cls</c>: the class head Linear(features, Classes) with bias of a discriminator with a class head, features being
    /// the width of its head Linear(1)'s input; null for any other net.
    /// </summary>
    public static Linear? Classifier(NetArchitecture architecture)
    {
        if (!NetArchitecture.HasClassHead(architecture.Conditioning)) return null;
        int head = architecture.ClassifierHead;
        if (head < 0)
            throw new ArgumentException("A discriminator with a class head needs a last Linear(1) followed only by element-wise layers; end the stack with [Flatten] and [Linear(1)].", nameof(architecture));
        return new Linear(architecture.LayerInput(head)[0], architecture.Classes);
    }

    /// <summary>The per-class affines of conditional batch norm, <c>cbn.K</c> for each conditioned batch norm K, in layer order.</summary>
    public static IEnumerable<(string Name, int Layer, ClassConditionalAffine Module)> ConditionalAffines(NetArchitecture architecture)
    {
        foreach (int k in architecture.ConditionalNorms)
            yield return (LabelLayout.ConditionalNormName(k), k, new ClassConditionalAffine(architecture.Classes, architecture.LayerInput(k)[0]));
    }
}

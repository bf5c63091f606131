namespace GanDsl;

/// <summary>
/// How a conditional net (<c>Classes = N</c>) takes its class labels. On <c>[GanGenerator]</c> and <c>[GanDiscriminator]</c>,
/// <c>Conditioning = …</c> picks one; left out, the input's shape picks (a generator's z and a flat sample get the embedding,
/// an image gets one-hot planes, or the embedding after a leading <c>Flatten</c>).
/// </summary>
public enum LabelConditioning
{
    /// <summary>Unconditional: the stack sees the input as it is. (On an attribute, the same as leaving Conditioning out.)</summary>
    None,

    /// <summary><c>Embedding(Classes, Classes)(y)</c> (parameter <c>emb.weight</c>) concatenated to a flat input (a generator's z).</summary>
    EmbeddingAtInput,

    /// <summary><c>Classes</c> one-hot planes concatenated to an image's channels (no parameters).</summary>
    OneHotPlanes,

    /// <summary>The embedding concatenated right after the stack's leading <c>Flatten</c>.</summary>
    EmbeddingAfterFlatten,

    /// <summary>
    /// A projection discriminator (Miyato and Koyama 2018): with h the input of the stack's last layer, a Linear(1) (activations
    /// may follow it), the score is Linear(h) + ⟨embed(y), h⟩; the table [Classes, features] is <c>emb.weight</c>. The stack
    /// itself sees no labels.
    /// </summary>
    Projection,

    /// <summary>
    /// Conditional batch norm in a generator: every BatchNorm1d/BatchNorm2d of the stack drops its own affine, and a per-class
    /// gain and bias follow it (<c>cbn.K.gain.weight</c>, <c>cbn.K.bias.weight</c> for layer K, each [Classes, channels]).
    /// The stack sees z alone.
    /// </summary>
    ConditionalBatchNorm,

    /// <summary>
    /// An auxiliary-classifier discriminator (AC-GAN, Odena et al. 2017): the stack sees the samples alone and scores them as an
    /// unconditional one does; a class head, Linear(features, Classes) with bias on h, the input of the stack's last Linear(1)
    /// (only element-wise layers may follow that Linear, as for <see cref="Projection"/>), predicts each sample's class
    /// (state dict <c>cls.weight</c>, <c>cls.bias</c>; initialised as the net's Linear layers are). The training loop adds the
    /// head's cross-entropy to both losses: on the real images and their labels to D's, on the fakes and the labels asked to
    /// G's, so G learns to draw samples whose class D can tell.
    /// </summary>
    AuxiliaryClassifier,

    /// <summary>
    /// <see cref="OneHotPlanes"/> for the score, plus <see cref="AuxiliaryClassifier"/>'s class head on h, the input of the
    /// stack's last Linear(1), read from a second pass with every label plane zero: the head must tell the class from the
    /// image alone, as the real/fake score cannot (it is given the label). The training loop adds the head's cross-entropy as
    /// for <see cref="AuxiliaryClassifier"/>.
    /// </summary>
    OneHotPlanesAndClassifier,
}

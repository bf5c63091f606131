using GanDsl.Shapes;

namespace GanDsl.Generators.Model
{
    /// <summary>
    /// A declared net that passed every check: everything the emitter needs, plain values only (no Roslyn symbols, syntax
    /// or locations) so the incremental pipeline can compare it structurally. Facts the emitter needs that follow from
    /// these values are properties here, so no emitter works them out again.
    /// </summary>
    /// <param name="Type">Where the partial class goes.</param>
    /// <param name="Role">Generator, discriminator or [GanBlock].</param>
    /// <param name="Inputs">The role attribute's settings.</param>
    /// <param name="Stack">The layers and their shapes.</param>
    /// <param name="ParameterCount">Trainable parameters the constructor allocates, the label modules included.</param>
    internal sealed record NetModel(TypeHeader Type, NetRole Role, NetInputs Inputs, StackModel Stack, long ParameterCount)
    {
        public string Name => Type.Name;

        /// <summary>Labels go through an <c>Embedding(Classes, Classes)</c> module (one-hot planes need none).</summary>
        public bool HasEmbedding => Inputs.Conditioning == Conditioning.EmbeddingAtInput || Inputs.Conditioning == Conditioning.EmbeddingAfterFlatten;

        /// <summary>The layer a projection discriminator adds ⟨embed(y), h⟩ to; -1 for any other net.</summary>
        public int ProjectionHead => Inputs.Conditioning == Conditioning.Projection ? LabelLayout.ProjectionHead(Stack.Layers) : -1;

        /// <summary>The width of the features a projection's table multiplies (the head Linear's input); 0 without a projection.</summary>
        public int ProjectionFeatures => ProjectionHead < 0 ? 0 : Stack.LayerInput(ProjectionHead)[0];

        /// <summary>The last Linear(1) of a discriminator with a class head, whose input h the head reads; -1 for any other net.</summary>
        public int ClassifierHead =>
            Inputs.Conditioning == Conditioning.AuxiliaryClassifier || Inputs.Conditioning == Conditioning.OneHotPlanesAndClassifier
                ? LabelLayout.ProjectionHead(Stack.Layers) : -1;

        /// <summary>The width of h, the class head's input; 0 without a class head.</summary>
        public int ClassifierFeatures => ClassifierHead < 0 ? 0 : Stack.LayerInput(ClassifierHead)[0];

        /// <summary>The batch norms that take a per-class gain and bias (conditional batch norm); empty otherwise.</summary>
        public System.Collections.Generic.IReadOnlyList<int> ConditionalNorms =>
            Inputs.Conditioning == Conditioning.ConditionalBatchNorm ? LabelLayout.ConditionalNorms(Stack.Layers) : new int[0];

        /// <summary>
        /// The label modules' parameters: Classes² for an embedding, Classes × features for a projection, (features + 1) × Classes
        /// for a class head, 2 × Classes × channels per conditioned batch norm; checked arithmetic.
        /// </summary>
        public long LabelParameters
        {
            get
            {
                long classes = Inputs.Classes;
                if (HasEmbedding) return checked(classes * classes);
                if (ProjectionHead >= 0) return checked(classes * ProjectionFeatures);
                if (ClassifierHead >= 0) return checked(classes * (ClassifierFeatures + 1L));
                long total = 0;
                foreach (int k in ConditionalNorms) total = checked(total + 2 * classes * Stack.LayerInput(k)[0]);
                return total;
            }
        }

        /// <summary>One sample as the pair sees it: a generator's output, a discriminator's (or block's) declared input.</summary>
        public EquatableArray<int> SampleShape => Role == NetRole.Generator ? Stack.Output : Inputs.DeclaredShape;
    }

    /// <summary>What a role attribute says about a net's input and initialisation.</summary>
    /// <param name="LatentDim">The noise width of a generator; 0 otherwise.</param>
    /// <param name="Classes">Label count of a conditional net; 0 when unconditional.</param>
    /// <param name="DcganInit">True for <c>Init = Init.Dcgan</c>.</param>
    /// <param name="Conditioning">How labels are mixed into the stack's input.</param>
    /// <param name="DeclaredShape">The declared per-sample input: <c>[LatentDim]</c> for a generator, the attribute's shape otherwise.</param>
    internal sealed record NetInputs(int LatentDim, int Classes, bool DcganInit, Conditioning Conditioning, EquatableArray<int> DeclaredShape);

    /// <summary>A layer stack with the per-sample shapes between its layers.</summary>
    /// <param name="Input">What the first layer receives (labels mixed in), as the summary's <c>nn.Sequential</c> gets it.</param>
    /// <param name="Layers">The layers in source order.</param>
    /// <param name="Outputs">Each layer's output shape, in order.</param>
    internal sealed record StackModel(EquatableArray<int> Input, EquatableArray<LayerSpec> Layers, EquatableArray<EquatableArray<int>> Outputs)
    {
        /// <summary>Per-sample input of layer <paramref name="index"/>: the stack input or the previous layer's output.</summary>
        public EquatableArray<int> LayerInput(int index) => index == 0 ? Input : Outputs[index - 1];

        public EquatableArray<int> Output => Outputs.Count == 0 ? Input : Outputs[Outputs.Count - 1];

        /// <summary>The last layer is Sigmoid, so the output is a probability.</summary>
        public bool EndsInSigmoid => Layers.Count > 0 && Layers[Layers.Count - 1].Kind == LayerKind.Sigmoid;

        /// <summary>
        /// Layer <paramref name="index"/> is a batch norm or a convolution with a bias, and the next a ReLU or leaky ReLU: the
        /// runtime runs the two as one fused op.
        /// </summary>
        public bool FusesWithNext(int index) =>
            index + 1 < Layers.Count
            && (Layers[index].Kind == LayerKind.BatchNorm1d || Layers[index].Kind == LayerKind.BatchNorm2d
                || ((Layers[index].Kind == LayerKind.Conv2d || Layers[index].Kind == LayerKind.ConvTranspose2d)
                    && Layers[index].Flag(ConvolutionArguments.Bias)))
            && (Layers[index + 1].Kind == LayerKind.ReLU || Layers[index + 1].Kind == LayerKind.LeakyReLU);
    }
}

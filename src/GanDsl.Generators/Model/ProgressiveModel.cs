using GanDsl.Shapes;

namespace GanDsl.Generators.Model
{
    /// <summary>A [ProgressiveGenerator]/[ProgressiveDiscriminator] class as declared.</summary>
    /// <param name="Type">Where the partial class goes.</param>
    /// <param name="Role">Generator or discriminator.</param>
    /// <param name="ImageChannels">Channels of the images drawn or scored.</param>
    /// <param name="DcganInit">True for <c>Init = Init.Dcgan</c> (the heads' initialisation).</param>
    /// <param name="StageTypes">The stages' fully qualified names, in growth order.</param>
    internal sealed record ProgressiveDeclaration(TypeHeader Type, NetRole Role, int ImageChannels, bool DcganInit, EquatableArray<string> StageTypes);

    /// <summary>
    /// A progressive net whose stages chain: what the emitter needs, plain values only. The summary is the torchinfo table of
    /// the fully grown path as one nn.Sequential (generator: blocks, last to-image head, Tanh; discriminator: last from-image
    /// head, LeakyReLU(0.2), blocks from the last to the first); <see cref="ParameterCount"/> also counts the earlier heads.
    /// </summary>
    internal sealed record ProgressiveModel(
        ProgressiveDeclaration Net,
        EquatableArray<int> SummaryInput,
        EquatableArray<LayerSpec> SummaryLayers,
        long ParameterCount);
}

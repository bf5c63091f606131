using GanDsl.Shapes;

namespace GanDsl.Generators.Model
{
    /// <summary>
    /// Everything the emitter needs for one declared net; plain values only (no Roslyn symbols, syntax or
    /// locations) so the incremental pipeline can compare it structurally.
    /// </summary>
    /// <param name="FullName">Fully qualified name (<c>global::Ns.Name</c>) used to pair nets in <c>[Gan&lt;G, D&gt;]</c>.</param>
    /// <param name="Declaration">The type keyword and modifiers to repeat, e.g. <c>public sealed partial class</c>.</param>
    /// <param name="SampleShape">Generator: its output; discriminator: its declared input shape.</param>
    /// <param name="StackInput">The input the layer stack sees (labels included), as the summary's <c>nn.Sequential</c> gets it.</param>
    /// <param name="Outputs">Per-sample output shape of each layer, in order.</param>
    internal sealed record NetModel(
        string? Namespace,
        string Name,
        string FullName,
        string Declaration,
        EquatableArray<string> ContainingTypes,
        NetRole Role,
        int LatentDim,
        int Classes,
        bool DcganInit,
        Conditioning Conditioning,
        EquatableArray<int> SampleShape,
        EquatableArray<int> StackInput,
        EquatableArray<LayerSpec> Layers,
        EquatableArray<EquatableArray<int>> Outputs,
        long ParameterCount)
    {
        /// <summary>Per-sample input of layer <paramref name="index"/> (what <c>Outputs[index - 1]</c> or the stack input is).</summary>
        public EquatableArray<int> LayerInput(int index) => index == 0 ? StackInput : Outputs[index - 1];

        public EquatableArray<int> StackOutput => Outputs.Count == 0 ? StackInput : Outputs[Outputs.Count - 1];
    }
}

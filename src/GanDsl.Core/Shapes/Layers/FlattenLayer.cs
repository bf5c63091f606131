using System.Collections.Generic;

namespace GanDsl.Shapes
{
    /// <summary><c>nn.Flatten()</c>: any shape → [its element count].</summary>
    internal sealed class FlattenLayer : LayerKind
    {
        public FlattenLayer() : base("Flatten", null) { }

        internal override TorchModuleCall TorchModule(LayerSpec layer, IReadOnlyList<int> input) => TorchModuleCall.Nn("Flatten");

        internal override OutputBound OutputBound => OutputBound.Input;

        internal override ShapeResult InferShape(LayerSpec layer, int[] input, LayerSite site) =>
            ShapeResult.Ok(new[] { (int)ShapeInference.Elements(input) });
    }

    public sealed partial class LayerSpec
    {
        /// <summary><c>nn.Flatten()</c>: [C, H, W] to [C·H·W].</summary>
        public static LayerSpec Flatten() => new LayerSpec(LayerKind.Flatten);
    }
}

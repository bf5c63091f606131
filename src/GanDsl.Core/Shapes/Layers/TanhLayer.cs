using System.Collections.Generic;

namespace GanDsl.Shapes
{
    /// <summary><c>nn.Tanh()</c>: values in [-1, 1].</summary>
    internal sealed class TanhLayer : ElementwiseLayer
    {
        public TanhLayer() : base("Tanh", OutputBound.Fixed) { }

        internal override TorchModuleCall TorchModule(LayerSpec layer, IReadOnlyList<int> input) => TorchModuleCall.Nn("Tanh");
    }

    public sealed partial class LayerSpec
    {
        /// <summary><c>nn.Tanh()</c>.</summary>
        public static LayerSpec Tanh() => new LayerSpec(LayerKind.Tanh);
    }
}

using System.Collections.Generic;

namespace GanDsl.Shapes
{
    /// <summary><c>nn.ReLU()</c>.</summary>
    internal sealed class ReLULayer : ElementwiseLayer
    {
        public ReLULayer() : base("ReLU", OutputBound.None) { }

        internal override TorchModuleCall TorchModule(LayerSpec layer, IReadOnlyList<int> input) => TorchModuleCall.Nn("ReLU");
    }

    public sealed partial class LayerSpec
    {
        /// <summary><c>nn.ReLU()</c>.</summary>
        public static LayerSpec ReLU() => new LayerSpec(LayerKind.ReLU);
    }
}

using System.Collections.Generic;

namespace GanDsl.Shapes
{
    /// <summary><c>nn.Sigmoid()</c>: values in [0, 1].</summary>
    internal sealed class SigmoidLayer : ElementwiseLayer
    {
        public SigmoidLayer() : base("Sigmoid", OutputBound.Fixed) { }

        internal override TorchModuleCall TorchModule(LayerSpec layer, IReadOnlyList<int> input) => TorchModuleCall.Nn("Sigmoid");
    }

    public sealed partial class LayerSpec
    {
        /// <summary><c>nn.Sigmoid()</c>.</summary>
        public static LayerSpec Sigmoid() => new LayerSpec(LayerKind.Sigmoid);
    }
}

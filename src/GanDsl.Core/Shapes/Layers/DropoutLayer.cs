using System.Collections.Generic;

namespace GanDsl.Shapes
{
    /// <summary><c>nn.Dropout(p)</c>: zeroes each element with probability p while training.</summary>
    internal sealed class DropoutLayer : ElementwiseLayer
    {
        internal const double DefaultP = 0.5;

        public DropoutLayer() : base("Dropout", OutputBound.None, LayerArgument.Real("p", ArgumentRule.Probability, DefaultP)) { }

        internal override TorchModuleCall TorchModule(LayerSpec layer, IReadOnlyList<int> input) =>
            TorchModuleCall.Nn("Dropout", TorchModuleCall.Arg("p", layer.Value(0)));
    }

    public sealed partial class LayerSpec
    {
        /// <summary><c>nn.Dropout(p)</c>.</summary>
        public static LayerSpec Dropout(double p = DropoutLayer.DefaultP) => new LayerSpec(LayerKind.Dropout, p);
    }
}

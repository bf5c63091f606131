using System.Collections.Generic;

namespace GanDsl.Shapes
{
    /// <summary><c>nn.LeakyReLU(negative_slope)</c>.</summary>
    internal sealed class LeakyReLULayer : ElementwiseLayer
    {
        internal const double DefaultNegativeSlope = 0.01;

        public LeakyReLULayer()
            : base("LeakyReLU", OutputBound.None, LayerArgument.Real("negativeSlope", ArgumentRule.FiniteNonNegative, DefaultNegativeSlope)) { }

        internal override TorchModuleCall TorchModule(LayerSpec layer, IReadOnlyList<int> input) =>
            TorchModuleCall.Nn("LeakyReLU", TorchModuleCall.Arg("negative_slope", layer.Value(0)));
    }

    public sealed partial class LayerSpec
    {
        /// <summary><c>nn.LeakyReLU(negativeSlope)</c>.</summary>
        public static LayerSpec LeakyReLU(double negativeSlope = LeakyReLULayer.DefaultNegativeSlope) => new LayerSpec(LayerKind.LeakyReLU, negativeSlope);
    }
}

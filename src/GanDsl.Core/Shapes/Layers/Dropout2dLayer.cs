using System.Collections.Generic;

namespace GanDsl.Shapes
{
    /// <summary><c>nn.Dropout2d(p)</c> over [C, H, W]: zeroes whole channels of a sample with probability p while training.</summary>
    internal sealed class Dropout2dLayer : LayerKind
    {
        internal const double DefaultP = 0.5;

        private static readonly LayerArgument P = LayerArgument.Real("p", ArgumentRule.Probability, DefaultP);

        public Dropout2dLayer() : base("Dropout2d", null, P) { }

        internal override TorchModuleCall TorchModule(LayerSpec layer, IReadOnlyList<int> input) =>
            TorchModuleCall.Nn("Dropout2d", TorchModuleCall.Arg("p", layer.Value(0)));

        internal override ShapeResult InferShape(LayerSpec layer, int[] input, LayerSite site) =>
            ShapeRules.IsImage(input) ? ShapeResult.Ok(input) : ShapeRules.NeedsImage(layer, input, site);
    }

    public sealed partial class LayerSpec
    {
        public static LayerSpec Dropout2d(double p = Dropout2dLayer.DefaultP) => new LayerSpec(LayerKind.Dropout2d, p);
    }
}

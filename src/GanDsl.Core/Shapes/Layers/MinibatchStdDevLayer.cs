using System.Collections.Generic;

namespace GanDsl.Shapes
{
    /// <summary>
    /// ProGAN's minibatch standard deviation (Karras et al. 2018): the batch is split into groups of min(group_size, N) samples
    /// (sample n in group n mod N/G), the standard deviation of each feature over its group is averaged over the sample's
    /// features, and that number is appended as one more channel. [C, H, W] → [C + 1, H, W]; no PyTorch module of that name.
    /// </summary>
    internal sealed class MinibatchStdDevLayer : LayerKind
    {
        internal const int DefaultGroupSize = 4;

        /// <summary>ProGAN's ε under the square root.</summary>
        internal const double Eps = 1e-8;

        private static readonly LayerArgument GroupSize = LayerArgument.Int("groupSize", ArgumentRule.Positive, DefaultGroupSize);

        public MinibatchStdDevLayer() : base("MinibatchStdDev", null, GroupSize) { }

        internal override TorchModuleCall TorchModule(LayerSpec layer, IReadOnlyList<int> input) =>
            new TorchModuleCall(TorchModuleCall.GanDslLayers, "MinibatchStdDev", TorchModuleCall.Arg("group_size", (long)layer.Int(GroupSize)));

        internal override ShapeResult InferShape(LayerSpec layer, int[] input, LayerSite site)
        {
            if (!ShapeRules.IsImage(input)) return ShapeRules.NeedsImage(layer, input, site);
            return input[0] == int.MaxValue ? ShapeRules.TooLarge(layer, input, site) : ShapeResult.Ok(new[] { input[0] + 1, input[1], input[2] });
        }
    }

    public sealed partial class LayerSpec
    {
        public static LayerSpec MinibatchStdDev(int groupSize = MinibatchStdDevLayer.DefaultGroupSize) => new LayerSpec(LayerKind.MinibatchStdDev, groupSize);
    }
}

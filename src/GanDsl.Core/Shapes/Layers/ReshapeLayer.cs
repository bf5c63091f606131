using System.Collections.Generic;

namespace GanDsl.Shapes
{
    /// <summary>Reshapes each sample to the given dimensions (batch excluded); no PyTorch module of that name.</summary>
    internal sealed class ReshapeLayer : LayerKind
    {
        private static readonly LayerArgument Dims = LayerArgument.Ints("dims", ArgumentRule.PositiveDimensions("[Reshape(1, 28, 28)]"));

        public ReshapeLayer() : base("Reshape", null, Dims) { }

        /// <summary>A flat sample unflattens as PyTorch writes it (<c>nn.Unflatten(1, dims)</c>); any other shape needs GanDsl's view.</summary>
        internal override TorchModuleCall TorchModule(LayerSpec layer, IReadOnlyList<int> input)
        {
            var dims = System.Array.ConvertAll(layer.Ints(Dims), d => (long)d);
            return input.Count == 1
                ? TorchModuleCall.Nn("Unflatten", TorchModuleCall.Arg("dim", 1L), TorchModuleCall.Arg("unflattened_size", dims))
                : new TorchModuleCall(TorchModuleCall.GanDslLayers, "Reshape", TorchModuleCall.Arg("dims", dims));
        }

        internal override OutputBound OutputBound => OutputBound.Input;

        internal override ShapeResult InferShape(LayerSpec layer, int[] input, LayerSite site)
        {
            var dims = layer.Ints(Dims);
            long want = ShapeInference.Elements(dims), have = ShapeInference.Elements(input);
            if (want == have) return ShapeResult.Ok(dims);
            return ShapeResult.Fail(new ShapeError(ShapeErrorKind.ReshapeCount, site.Index,
                site.Of(layer) + " needs " + Invariant.Int(want) + " elements but receives " + LayerSpec.FormatShape(input)
                + " (" + Invariant.Int(have) + " elements) from " + site.InputSource + "; make the dimensions multiply to " + Invariant.Int(have)));
        }
    }

    public sealed partial class LayerSpec
    {
        /// <summary>Reshapes each sample to <paramref name="dims"/> (batch excluded).</summary>
        public static LayerSpec Reshape(params int[] dims) => new LayerSpec(LayerKind.Reshape, dims);
    }
}

namespace GanDsl.Shapes
{
    /// <summary>Reshapes each sample to the given dimensions (batch excluded); no PyTorch module of that name.</summary>
    internal sealed class ReshapeLayer : LayerKind
    {
        private static readonly LayerArgument Dims = LayerArgument.Ints("dims", ArgumentRule.PositiveDimensions("[Reshape(1, 28, 28)]"));

        public ReshapeLayer() : base("Reshape", null, Dims) { }

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
        public static LayerSpec Reshape(params int[] dims) => new LayerSpec(LayerKind.Reshape, dims);
    }
}

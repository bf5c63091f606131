namespace GanDsl.Shapes
{
    /// <summary><c>nn.LeakyReLU(negative_slope)</c>: any shape.</summary>
    internal sealed class LeakyReLULayer : LayerKind
    {
        internal const double DefaultNegativeSlope = 0.01;

        private static readonly LayerArgument NegativeSlope = LayerArgument.Real("negativeSlope", ArgumentRule.FiniteNonNegative, DefaultNegativeSlope);

        public LeakyReLULayer() : base("LeakyReLU", null, NegativeSlope) { }

        internal override ShapeResult InferShape(LayerSpec layer, int[] input, LayerSite site) => ShapeResult.Ok(input);
    }

    public sealed partial class LayerSpec
    {
        public static LayerSpec LeakyReLU(double negativeSlope = LeakyReLULayer.DefaultNegativeSlope) => new LayerSpec(LayerKind.LeakyReLU, negativeSlope);
    }
}

namespace GanDsl.Shapes
{
    /// <summary><c>nn.Dropout(p)</c>: zeroes each element with probability p while training; any shape.</summary>
    internal sealed class DropoutLayer : LayerKind
    {
        internal const double DefaultP = 0.5;

        private static readonly LayerArgument P = LayerArgument.Real("p", ArgumentRule.Probability, DefaultP);

        public DropoutLayer() : base("Dropout", null, P) { }

        internal override ShapeResult InferShape(LayerSpec layer, int[] input, LayerSite site) => ShapeResult.Ok(input);
    }

    public sealed partial class LayerSpec
    {
        public static LayerSpec Dropout(double p = DropoutLayer.DefaultP) => new LayerSpec(LayerKind.Dropout, p);
    }
}

namespace GanDsl.Shapes
{
    /// <summary><c>nn.Sigmoid()</c>: any shape, values in [0, 1].</summary>
    internal sealed class SigmoidLayer : LayerKind
    {
        public SigmoidLayer() : base("Sigmoid", null) { }

        internal override OutputBound OutputBound => OutputBound.Fixed;

        internal override ShapeResult InferShape(LayerSpec layer, int[] input, LayerSite site) => ShapeResult.Ok(input);
    }

    public sealed partial class LayerSpec
    {
        public static LayerSpec Sigmoid() => new LayerSpec(LayerKind.Sigmoid);
    }
}

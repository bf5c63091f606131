namespace GanDsl.Shapes
{
    /// <summary><c>nn.ReLU()</c>: any shape.</summary>
    internal sealed class ReLULayer : LayerKind
    {
        public ReLULayer() : base("ReLU", null) { }

        internal override ShapeResult InferShape(LayerSpec layer, int[] input, LayerSite site) => ShapeResult.Ok(input);
    }

    public sealed partial class LayerSpec
    {
        public static LayerSpec ReLU() => new LayerSpec(LayerKind.ReLU);
    }
}

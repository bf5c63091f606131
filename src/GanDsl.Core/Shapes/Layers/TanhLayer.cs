namespace GanDsl.Shapes
{
    /// <summary><c>nn.Tanh()</c>: any shape, values in [-1, 1].</summary>
    internal sealed class TanhLayer : LayerKind
    {
        public TanhLayer() : base("Tanh", null) { }

        internal override OutputBound OutputBound => OutputBound.Fixed;

        internal override ShapeResult InferShape(LayerSpec layer, int[] input, LayerSite site) => ShapeResult.Ok(input);
    }

    public sealed partial class LayerSpec
    {
        public static LayerSpec Tanh() => new LayerSpec(LayerKind.Tanh);
    }
}

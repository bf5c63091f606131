namespace GanDsl.Shapes
{
    /// <summary><c>nn.ReLU()</c>.</summary>
    internal sealed class ReLULayer : ElementwiseLayer
    {
        public ReLULayer() : base("ReLU", OutputBound.None) { }
    }

    public sealed partial class LayerSpec
    {
        public static LayerSpec ReLU() => new LayerSpec(LayerKind.ReLU);
    }
}

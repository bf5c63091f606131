namespace GanDsl.Shapes
{
    /// <summary>A kind that maps each element on its own (activations, dropout), so its output has its input's shape, any shape.</summary>
    internal abstract class ElementwiseLayer : LayerKind
    {
        private readonly OutputBound _bound;

        private protected ElementwiseLayer(string name, OutputBound bound, params LayerArgument[] arguments) : base(name, null, arguments)
        {
            _bound = bound;
        }

        internal override OutputBound OutputBound => _bound;

        internal override ShapeResult InferShape(LayerSpec layer, int[] input, LayerSite site) => ShapeResult.Ok(input);
    }
}

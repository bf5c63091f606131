namespace GanDsl.Shapes
{
    /// <summary>A layer's per-sample output shape, or the reason it has none.</summary>
    public sealed class ShapeResult
    {
        private readonly int[]? _output;

        private ShapeResult(int[]? output, ShapeError? error)
        {
            _output = output;
            Error = error;
        }

        public static ShapeResult Ok(int[] output) => new ShapeResult(output, null);
        public static ShapeResult Fail(ShapeError error) => new ShapeResult(null, error);

        public bool IsValid => Error == null;

        /// <summary>The output shape without the batch dimension (a copy), or null when invalid.</summary>
        public int[]? Output => _output == null ? null : (int[])_output.Clone();

        public ShapeError? Error { get; }
    }
}

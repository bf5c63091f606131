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

        /// <summary>A valid layer producing <paramref name="output"/> per sample.</summary>
        public static ShapeResult Ok(int[] output) => new ShapeResult(output, null);
        /// <summary>A layer that cannot accept its input, for <paramref name="error"/>'s reason.</summary>
        public static ShapeResult Fail(ShapeError error) => new ShapeResult(null, error);

        /// <summary>True when the layer accepts its input.</summary>
        public bool IsValid => Error == null;

        /// <summary>The output shape without the batch dimension (a copy), or null when invalid.</summary>
        public int[]? Output => _output == null ? null : (int[])_output.Clone();

        /// <summary>Why the layer cannot accept its input, or null when valid.</summary>
        public ShapeError? Error { get; }
    }
}

namespace GanDsl.Shapes
{
    /// <summary>Why a layer cannot accept its input: a sentence in the words users see.</summary>
    public sealed class ShapeError : System.IEquatable<ShapeError>
    {
        /// <summary>An error not tied to one layer (<see cref="LayerIndex"/> -1).</summary>
        public ShapeError(string message) : this(ShapeErrorKind.RankMismatch, -1, message) { }

        /// <summary>An error of <paramref name="kind"/> at layer <paramref name="layerIndex"/> (0-based).</summary>
        public ShapeError(ShapeErrorKind kind, int layerIndex, string message)
        {
            Kind = kind;
            LayerIndex = layerIndex;
            Message = message;
        }

        /// <summary>Which rule the layer breaks.</summary>
        public ShapeErrorKind Kind { get; }

        /// <summary>Zero-based index of the offending layer in its stack, or -1 when not tied to one layer.</summary>
        public int LayerIndex { get; }

        /// <summary>What is wrong and how to fix it, in the words the compile-time diagnostic and the run-time exception use.</summary>
        public string Message { get; }

        /// <summary>Same kind, layer and message.</summary>
        public bool Equals(ShapeError? other) =>
            other is not null && other.Kind == Kind && other.LayerIndex == LayerIndex && other.Message == Message;

        /// <inheritdoc/>
        public override bool Equals(object? obj) => Equals(obj as ShapeError);
        /// <inheritdoc/>
        public override int GetHashCode() => (((int)Kind * 397) ^ LayerIndex) * 397 ^ Message.GetHashCode();
        /// <inheritdoc/>
        public override string ToString() => Message;
    }
}

namespace GanDsl.Shapes
{
    /// <summary>Why a layer cannot accept its input: a sentence in the words users see.</summary>
    public sealed class ShapeError : System.IEquatable<ShapeError>
    {
        public ShapeError(string message) : this(ShapeErrorKind.RankMismatch, -1, message) { }

        public ShapeError(ShapeErrorKind kind, int layerIndex, string message)
        {
            Kind = kind;
            LayerIndex = layerIndex;
            Message = message;
        }

        public ShapeErrorKind Kind { get; }

        /// <summary>Zero-based index of the offending layer in its stack, or -1 when not tied to one layer.</summary>
        public int LayerIndex { get; }

        public string Message { get; }

        public bool Equals(ShapeError? other) =>
            other is not null && other.Kind == Kind && other.LayerIndex == LayerIndex && other.Message == Message;

        public override bool Equals(object? obj) => Equals(obj as ShapeError);
        public override int GetHashCode() => (((int)Kind * 397) ^ LayerIndex) * 397 ^ Message.GetHashCode();
        public override string ToString() => Message;
    }
}

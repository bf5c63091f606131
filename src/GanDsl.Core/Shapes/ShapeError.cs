namespace GanDsl.Shapes
{
    /// <summary>Why a layer cannot accept its input: a sentence in the words users see.</summary>
    public sealed class ShapeError
    {
        public ShapeError(string message) { Message = message; }
        public string Message { get; }
        public override string ToString() => Message;
    }
}

namespace GanDsl.Generators.Model
{
    /// <summary>
    /// A diagnostic as plain values: descriptor id, message arguments and the file path plus span it points at.
    /// The location is rebuilt from the syntax tree at report time so <c>#pragma warning disable</c> applies.
    /// </summary>
    internal sealed record DiagnosticInfo(string Id, EquatableArray<string> Arguments, string FilePath, int SpanStart, int SpanLength);
}

using GanDsl.Generators.Diagnostics;
using GanDsl.Generators.Model;

namespace GanDsl.Generators.Parsing
{
    /// <summary>
    /// What the parse step yields per declaration: the model when every check passed, otherwise the stub the class still
    /// gets (null when none can be written, e.g. it is not partial), and the diagnostics.
    /// </summary>
    internal sealed record ParseResult<T>(T? Model, StubModel? Stub, DiagnosticBatch Diagnostics) where T : class
    {
        public static ParseResult<T> Failed(DiagnosticBatch diagnostics) => new ParseResult<T>(null, null, diagnostics);
    }

    /// <summary>A [Gan&lt;G, D&gt;] declaration plus where its pair diagnostics point (the tree compares by reference).</summary>
    internal sealed record GanParse(GanModel? Model, StubModel? Stub, DiagnosticBatch Diagnostics, Microsoft.CodeAnalysis.SyntaxTree Tree,
        string FilePath, int AttributeStart, int AttributeLength, int DiscriminatorArgStart, int DiscriminatorArgLength);
}

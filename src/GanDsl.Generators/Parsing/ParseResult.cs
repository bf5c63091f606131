using GanDsl.Generators.Diagnostics;
using GanDsl.Generators.Model;

namespace GanDsl.Generators.Parsing
{
    /// <summary>What the parse step yields per declaration: the model (null when it has errors) and its diagnostics.</summary>
    internal sealed record ParseResult<T>(T? Model, DiagnosticBatch Diagnostics) where T : class;

    /// <summary>A [Gan&lt;G, D&gt;] declaration plus where its pair diagnostics point (the tree compares by reference).</summary>
    internal sealed record GanParse(GanModel? Model, DiagnosticBatch Diagnostics, Microsoft.CodeAnalysis.SyntaxTree Tree, string FilePath,
        int AttributeStart, int AttributeLength, int DiscriminatorArgStart, int DiscriminatorArgLength);
}

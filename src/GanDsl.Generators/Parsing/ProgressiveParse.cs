using GanDsl.Generators.Diagnostics;
using GanDsl.Generators.Model;

namespace GanDsl.Generators.Parsing
{
    /// <summary>
    /// A progressive net's declaration, its own diagnostics, and where stage diagnostics point: the span of each stage's
    /// <c>typeof(...)</c> argument as (start, length) pairs, and the attribute's span (the tree compares by reference).
    /// </summary>
    internal sealed record ProgressiveParse(ProgressiveDeclaration? Model, DiagnosticBatch Diagnostics, Microsoft.CodeAnalysis.SyntaxTree Tree,
        string FilePath, int AttributeStart, int AttributeLength, EquatableArray<int> StageSpans);

    /// <summary>The chain check's outcome: the model to emit (null on errors) and the diagnostics.</summary>
    internal sealed record ProgressiveResult(ProgressiveModel? Model, DiagnosticBatch Diagnostics);
}

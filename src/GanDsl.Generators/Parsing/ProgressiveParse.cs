using GanDsl.Generators.Diagnostics;
using GanDsl.Generators.Model;

namespace GanDsl.Generators.Parsing
{
    /// <summary>
    /// A progressive net's declaration (with the stub it gets if a later check fails), its own diagnostics, and where stage
    /// diagnostics point: the span of each stage's <c>typeof(...)</c> argument as (start, length) pairs, and the attribute's
    /// span (the tree compares by reference).
    /// </summary>
    internal sealed record ProgressiveParse(ProgressiveDeclaration? Model, StubModel? Stub, DiagnosticBatch Diagnostics, Microsoft.CodeAnalysis.SyntaxTree Tree,
        string FilePath, int AttributeStart, int AttributeLength, EquatableArray<int> StageSpans);

    /// <summary>The chain check's outcome: the model to emit, or the stub when a check failed, and the diagnostics.</summary>
    internal sealed record ProgressiveResult(ProgressiveModel? Model, StubModel? Stub, DiagnosticBatch Diagnostics);
}

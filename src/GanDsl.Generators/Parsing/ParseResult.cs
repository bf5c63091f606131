using GanDsl.Generators.Diagnostics;
using GanDsl.Generators.Model;

namespace GanDsl.Generators.Parsing
{
    /// <summary>
    /// What the parse step yields per declaration: the model when every check passed, otherwise the stub the class still
    /// gets (null when none can be written, e.g. it is not partial), and the diagnostics.
    /// </summary>
    /// <param name="RangeGuess">A generator's GAN0017, kept apart: it is reported only when no pair declares G's data range.</param>
    internal sealed record ParseResult<T>(T? Model, StubModel? Stub, DiagnosticBatch Diagnostics, DiagnosticBatch? RangeGuess = null) where T : class
    {
        public static ParseResult<T> Failed(DiagnosticBatch diagnostics) => new ParseResult<T>(null, null, diagnostics);
    }

    /// <summary>A [Gan&lt;G, D&gt;] declaration plus where its pair diagnostics point (the tree compares by reference).</summary>
    /// <param name="RecipeArguments">Where each named (recipe) argument is written.</param>
    /// <param name="RangedGenerator">G's full name when the pair declares a DataRange (whose check replaces G's GAN0017); null otherwise.</param>
    internal sealed record GanParse(GanModel? Model, StubModel? Stub, DiagnosticBatch Diagnostics, Microsoft.CodeAnalysis.SyntaxTree Tree,
        string FilePath, int AttributeStart, int AttributeLength, int DiscriminatorArgStart, int DiscriminatorArgLength,
        EquatableArray<NamedSpan> RecipeArguments, string? RangedGenerator);
}

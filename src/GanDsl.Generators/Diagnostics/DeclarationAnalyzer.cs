using System.Collections.Immutable;
using GanDsl.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GanDsl.Generators.Diagnostics
{
    /// <summary>
    /// Reports the mistakes that need no layer model, once per class: layer attributes without a role (GAN0002),
    /// two roles (GAN0003), a declaration that is not partial (GAN0001), layers spread over partial declarations (GAN0005).
    /// Shipped in the generator's assembly, so the package's analyzers folder delivers both.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DeclarationAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DiagnosticCatalog.NotPartial, DiagnosticCatalog.MissingRole, DiagnosticCatalog.ConflictingRoles,
            DiagnosticCatalog.LayersSpread, DiagnosticCatalog.InternalError);

        public override void Initialize(AnalysisContext context)
        {
            // Generated stubs carry [GeneratedCode], which makes the whole class count as generated; the mistakes are
            // always reported at the user's own attributes and declarations.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.EnableConcurrentExecution();
            context.RegisterSymbolAction(static c => InternalErrors.Analyze(c, Analyze), SymbolKind.NamedType);
        }

        private static void Analyze(SymbolAnalysisContext context)
        {
            var problem = DeclarationProblems.Find((INamedTypeSymbol)context.Symbol, context.CancellationToken);
            if (problem != null)
                context.ReportDiagnostic(Diagnostic.Create(problem.Descriptor, problem.Location, problem.Arguments));
        }
    }
}

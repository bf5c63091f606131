using System;
using System.Threading;
using GanDsl.Generators.Model;
using GanDsl.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GanDsl.Generators.Diagnostics
{
    /// <summary>
    /// The one place that turns an unexpected exception into GAN0018, so neither the generator nor the analyzer ever
    /// fails the compiler: parse steps return their failure value, emit steps add no source, the analyzer reports at the class.
    /// </summary>
    internal static class InternalErrors
    {
        /// <summary>Runs a parse step; on an exception, <paramref name="failed"/> wraps GAN0018 at the class's name.</summary>
        public static T Parse<T>(GeneratorAttributeSyntaxContext context, CancellationToken token,
            Func<GeneratorAttributeSyntaxContext, CancellationToken, T> parse, Func<DiagnosticBatch, T> failed)
        {
            try
            {
                return parse(context, token);
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                var node = context.TargetNode;
                var span = (node as TypeDeclarationSyntax)?.Identifier.Span ?? node.Span;
                var sink = new DiagnosticSink();
                sink.Add(DiagnosticCatalog.InternalError, node.SyntaxTree, span, context.TargetSymbol.Name, Describe(e));
                return failed(sink.ToBatch());
            }
        }

        /// <summary>Writes one generated file (named <paramref name="hintName"/>, the type's own by default); on an exception, GAN0018 instead of the file.</summary>
        public static void Emit(SourceProductionContext context, TypeHeader type, Func<string> emit, string? hintName = null)
        {
            string source;
            try
            {
                source = emit();
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.InternalError, Location.None, type.Name, Describe(e)));
                return;
            }
            context.AddSource(hintName ?? type.HintName, source);
        }

        /// <summary>Runs an analyzer action; on an exception, GAN0018 at the symbol.</summary>
        public static void Analyze(SymbolAnalysisContext context, Action<SymbolAnalysisContext> analyze)
        {
            try
            {
                analyze(context);
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                var location = context.Symbol.Locations.IsEmpty ? Location.None : context.Symbol.Locations[0];
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.InternalError, location, context.Symbol.Name, Describe(e)));
            }
        }

        private static string Describe(Exception e) => e.GetType().Name + ": " + e.Message;
    }
}

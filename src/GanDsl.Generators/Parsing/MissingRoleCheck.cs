using System;
using System.Linq;
using GanDsl.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GanDsl.Generators.Parsing
{
    /// <summary>Layer attributes on a class with no role attribute: reported once, at the first layer attribute.</summary>
    internal static class MissingRoleCheck
    {
        public static readonly string[] LayerAttributeNames =
        {
            "LinearAttribute", "Conv2dAttribute", "ConvTranspose2dAttribute", "BatchNorm1dAttribute", "BatchNorm2dAttribute",
            "DropoutAttribute", "ReLUAttribute", "LeakyReLUAttribute", "TanhAttribute", "SigmoidAttribute", "MaxPool2dAttribute",
            "FlattenAttribute", "ReshapeAttribute", "UpsampleAttribute",
        };

        public static DiagnosticBatch Check(GeneratorAttributeSyntaxContext context)
        {
            try
            {
                var symbol = (INamedTypeSymbol)context.TargetSymbol;
                var attributes = symbol.GetAttributes();
                if (attributes.Any(a => NetParser.IsRole(a.AttributeClass)))
                    return DiagnosticBatch.Empty;
                var tree = context.TargetNode.SyntaxTree;
                var first = attributes
                    .Where(a => LayerReader.IsLayer(a.AttributeClass) && a.ApplicationSyntaxReference?.SyntaxTree == tree
                        && context.TargetNode.Span.Contains(a.ApplicationSyntaxReference.Span))
                    .OrderBy(a => a.ApplicationSyntaxReference!.Span.Start)
                    .FirstOrDefault();
                // Only the pipeline for the first layer's attribute type reports, so the class gets one diagnostic.
                if (first == null || !SymbolEqualityComparer.Default.Equals(first.AttributeClass, context.Attributes[0].AttributeClass))
                    return DiagnosticBatch.Empty;
                var sink = new DiagnosticSink();
                sink.Add(DiagnosticCatalog.MissingRole, tree, first.ApplicationSyntaxReference!.Span, symbol.Name);
                return sink.ToBatch();
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                var sink = new DiagnosticSink();
                var node = context.TargetNode as TypeDeclarationSyntax;
                sink.Add(DiagnosticCatalog.InternalError, context.TargetNode.SyntaxTree, node?.Identifier.Span ?? context.TargetNode.Span,
                    context.TargetSymbol.Name, e.GetType().Name + ": " + e.Message);
                return sink.ToBatch();
            }
        }
    }
}

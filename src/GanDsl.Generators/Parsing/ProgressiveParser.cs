using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using GanDsl.Generators.Diagnostics;
using GanDsl.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace GanDsl.Generators.Parsing
{
    /// <summary>A [ProgressiveGenerator]/[ProgressiveDiscriminator] class → its declaration; checks that every stage is a [GanBlock].</summary>
    internal static class ProgressiveParser
    {
        public static ProgressiveParse Parse(GeneratorAttributeSyntaxContext context, NetRole role, CancellationToken token)
        {
            var declaration = (TypeDeclarationSyntax)context.TargetNode;
            var symbol = (INamedTypeSymbol)context.TargetSymbol;
            var tree = declaration.SyntaxTree;
            var attribute = context.Attributes[0];
            var attributeSpan = attribute.ApplicationSyntaxReference?.Span ?? declaration.Identifier.Span;
            var sink = new DiagnosticSink();
            var spans = new List<int>();
            ProgressiveParse Done(ProgressiveDeclaration? model) =>
                new ProgressiveParse(model, sink.ToBatch(), tree, tree.FilePath, attributeSpan.Start, attributeSpan.Length, EquatableArray.From(spans));
            try
            {
                string roleName = role == NetRole.Generator ? "ProgressiveGenerator" : "ProgressiveDiscriminator";
                if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    sink.Add(DiagnosticCatalog.NotPartial, tree, declaration.Identifier.Span, symbol.Name);
                    return Done(null);
                }
                if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Kind != TypedConstantKind.Array) return Done(null);
                var stages = new List<INamedTypeSymbol>();
                foreach (var value in attribute.ConstructorArguments[0].Values)
                {
                    if (!(value.Value is INamedTypeSymbol type) || type.TypeKind == TypeKind.Error) return Done(null); // the compiler reports it
                    stages.Add(type);
                }
                var argumentSpans = StageArgumentSpans(attribute, stages.Count, token);
                foreach (var s in argumentSpans) { spans.Add(s.Start); spans.Add(s.Length); }

                int channels = LayerReader.NamedInt(attribute, "ImageChannels") ?? 1;
                if (channels <= 0)
                {
                    sink.Add(DiagnosticCatalog.ArgumentOutOfRange, tree, attributeSpan, "[" + roleName + "] on '" + symbol.Name
                        + "' needs a positive ImageChannels but has " + channels.ToString(CultureInfo.InvariantCulture) + "; use 1 for grayscale or 3 for colour");
                    return Done(null);
                }
                string word = role == NetRole.Generator ? "generator" : "discriminator";
                for (int k = 0; k < stages.Count; k++)
                    if (!stages[k].GetAttributes().Any(a => NetParser.IsNamed(a.AttributeClass, NetParser.BlockAttribute)))
                        sink.Add(DiagnosticCatalog.StageNotBlock, tree, argumentSpans[k],
                            (k + 1).ToString(CultureInfo.InvariantCulture), stages[k].Name, word, symbol.Name);
                if (sink.HasErrors) return Done(null);

                return Done(new ProgressiveDeclaration(
                    symbol.ContainingNamespace.IsGlobalNamespace ? null : symbol.ContainingNamespace.ToDisplayString(),
                    symbol.Name,
                    "partial " + NetParser.Keyword(declaration) + " " + symbol.Name,
                    NetParser.ContainingTypes(symbol),
                    role,
                    channels,
                    (LayerReader.NamedInt(attribute, "Init") ?? 0) == 1,
                    EquatableArray.From(stages.Select(s => s.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)))));
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                var failed = new DiagnosticSink();
                failed.Add(DiagnosticCatalog.InternalError, tree, declaration.Identifier.Span, symbol.Name, e.GetType().Name + ": " + e.Message);
                return new ProgressiveParse(null, failed.ToBatch(), tree, tree.FilePath, attributeSpan.Start, attributeSpan.Length, EquatableArray<int>.Empty);
            }
        }

        /// <summary>The span of each positional typeof(...) argument, or the attribute's span when they were passed as one array.</summary>
        private static List<TextSpan> StageArgumentSpans(AttributeData attribute, int count, CancellationToken token)
        {
            var fallback = attribute.ApplicationSyntaxReference?.Span ?? default;
            var result = new List<TextSpan>();
            var positional = (attribute.ApplicationSyntaxReference?.GetSyntax(token) as AttributeSyntax)?.ArgumentList?.Arguments
                .Where(a => a.NameEquals == null && a.NameColon == null).ToList();
            for (int k = 0; k < count; k++)
                result.Add(positional != null && positional.Count == count && positional[k].Expression is TypeOfExpressionSyntax ? positional[k].Span : fallback);
            return result;
        }
    }
}

using System;
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
    /// <summary>A [Gan&lt;G, D&gt;] class → <see cref="GanModel"/>; checks that G and D carry the matching roles.</summary>
    internal static class GanParser
    {
        public static GanParse Parse(GeneratorAttributeSyntaxContext context, CancellationToken token)
        {
            var declaration = (TypeDeclarationSyntax)context.TargetNode;
            var symbol = (INamedTypeSymbol)context.TargetSymbol;
            var tree = declaration.SyntaxTree;
            var attribute = context.Attributes[0];
            var attributeSpan = attribute.ApplicationSyntaxReference?.Span ?? declaration.Identifier.Span;
            var sink = new DiagnosticSink();
            TextSpan gSpan = attributeSpan, dSpan = attributeSpan;
            try
            {
                if (attribute.ApplicationSyntaxReference?.GetSyntax(token) is AttributeSyntax syntax
                    && (syntax.Name as GenericNameSyntax ?? (syntax.Name as QualifiedNameSyntax)?.Right as GenericNameSyntax) is { } generic
                    && generic.TypeArgumentList.Arguments.Count == 2)
                {
                    gSpan = generic.TypeArgumentList.Arguments[0].Span;
                    dSpan = generic.TypeArgumentList.Arguments[1].Span;
                }
                GanParse Done(GanModel? model) =>
                    new GanParse(model, sink.ToBatch(), tree, tree.FilePath, attributeSpan.Start, attributeSpan.Length, dSpan.Start, dSpan.Length);

                // A class that is also a net is reported by the net's parser.
                if (symbol.GetAttributes().Any(a => NetParser.IsNamed(a.AttributeClass, NetParser.GeneratorAttribute)
                        || NetParser.IsNamed(a.AttributeClass, NetParser.DiscriminatorAttribute)
                        || NetParser.IsNamed(a.AttributeClass, NetParser.BlockAttribute)))
                    return Done(null);
                if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    sink.Add(DiagnosticCatalog.NotPartial, tree, declaration.Identifier.Span, symbol.Name);
                    return Done(null);
                }
                var args = attribute.AttributeClass?.TypeArguments ?? default;
                if (args.IsDefault || args.Length != 2 || args.Any(a => a.TypeKind == TypeKind.Error)) return Done(null);
                bool ok = HasRole(args[0], NetParser.GeneratorAttribute, "generator", "GanGenerator", symbol.Name, tree, gSpan, sink);
                ok &= HasRole(args[1], NetParser.DiscriminatorAttribute, "discriminator", "GanDiscriminator", symbol.Name, tree, dSpan, sink);
                if (!ok) return Done(null);
                return Done(new GanModel(
                    symbol.ContainingNamespace.IsGlobalNamespace ? null : symbol.ContainingNamespace.ToDisplayString(),
                    symbol.Name,
                    "partial " + NetParser.Keyword(declaration) + " " + symbol.Name,
                    NetParser.ContainingTypes(symbol),
                    args[0].ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                    args[1].ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)));
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                var failed = new DiagnosticSink();
                failed.Add(DiagnosticCatalog.InternalError, tree, declaration.Identifier.Span, symbol.Name, e.GetType().Name + ": " + e.Message);
                return new GanParse(null, failed.ToBatch(), tree, tree.FilePath, attributeSpan.Start, attributeSpan.Length, dSpan.Start, dSpan.Length);
            }
        }

        private static bool HasRole(ITypeSymbol type, string roleAttribute, string roleWord, string roleName, string ganName,
            SyntaxTree tree, TextSpan span, DiagnosticSink sink)
        {
            if (type.GetAttributes().Any(a => NetParser.IsNamed(a.AttributeClass, roleAttribute))) return true;
            sink.Add(DiagnosticCatalog.GanRoleMissing, tree, span, type.Name, ganName, roleWord, roleName);
            return false;
        }
    }
}

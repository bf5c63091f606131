using System.Linq;
using System.Threading;
using GanDsl.Generators.Diagnostics;
using GanDsl.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace GanDsl.Generators.Parsing
{
    /// <summary>A [Gan&lt;G, D&gt;] class → <see cref="GanModel"/> (or a stub); checks that G and D carry the matching roles.</summary>
    internal static class GanParser
    {
        public static GanParse Parse(GeneratorAttributeSyntaxContext context, CancellationToken token)
        {
            var declaration = (TypeDeclarationSyntax)context.TargetNode;
            var tree = declaration.SyntaxTree;
            var attribute = context.Attributes[0];
            var attributeSpan = attribute.ApplicationSyntaxReference?.Span ?? declaration.Identifier.Span;
            // A failed parse has no model, so the pair check never needs the discriminator argument's span.
            return InternalErrors.Parse(context, token,
                (c, t) => Build(c, attribute, tree, attributeSpan, t),
                failed => new GanParse(null, null, failed, tree, tree.FilePath, attributeSpan.Start, attributeSpan.Length, attributeSpan.Start, attributeSpan.Length,
                    EquatableArray<NamedSpan>.Empty, null));
        }

        private static GanParse Build(GeneratorAttributeSyntaxContext context, AttributeData attribute, SyntaxTree tree, TextSpan attributeSpan,
            CancellationToken token)
        {
            var symbol = (INamedTypeSymbol)context.TargetSymbol;
            var header = TypeHeaders.Of(symbol, (TypeDeclarationSyntax)context.TargetNode);
            TextSpan gSpan = attributeSpan, dSpan = attributeSpan;
            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(token) as AttributeSyntax;
            if (syntax != null
                && (syntax.Name as GenericNameSyntax ?? (syntax.Name as QualifiedNameSyntax)?.Right as GenericNameSyntax) is { } generic
                && generic.TypeArgumentList.Arguments.Count == 2)
            {
                gSpan = generic.TypeArgumentList.Arguments[0].Span;
                dSpan = generic.TypeArgumentList.Arguments[1].Span;
            }
            var sink = new DiagnosticSink();
            var args = attribute.AttributeClass?.TypeArguments ?? default;
            bool bound = !args.IsDefault && args.Length == 2 && !args.Any(a => a.TypeKind == TypeKind.Error);
            var stub = new StubModel(header, StubKind.Gan, bound
                ? EquatableArray.From(args.Select(a => a.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)))
                : EquatableArray<string>.Empty);
            var recipeSpans = EquatableArray<NamedSpan>.Empty;
            string? ranged = null;
            GanParse Done(GanModel? model, StubModel? withStub) =>
                new GanParse(model, withStub, sink.ToBatch(), tree, tree.FilePath, attributeSpan.Start, attributeSpan.Length, dSpan.Start, dSpan.Length,
                    recipeSpans, ranged);

            // The analyzer reports declaration mistakes (a class that is also a net gets that net's stub instead).
            var problem = DeclarationProblems.Find(symbol, token);
            if (problem != null) return Done(null, problem.KeptRole == RoleAttributes.Rank(RoleAttributes.Gan) ? stub : null);
            if (!bound) return Done(null, stub); // the compiler reports the unbound type argument
            var recipe = RecipeReader.Read(attribute, syntax, symbol.Name, tree, attributeSpan, sink, out recipeSpans, out bool recipeOk);
            if (RecipeReader.DeclaresDataRange(attribute)) ranged = stub.GanTypes[0];
            bool ok = HasRole(args[0], RoleAttributes.Generator, "generator", "GanGenerator", symbol.Name, tree, gSpan, sink);
            ok &= HasRole(args[1], RoleAttributes.Discriminator, "discriminator", "GanDiscriminator", symbol.Name, tree, dSpan, sink);
            if (!ok || !recipeOk) return Done(null, stub);
            return Done(new GanModel(header, stub.GanTypes[0], stub.GanTypes[1], recipe), null);
        }

        private static bool HasRole(ITypeSymbol type, string roleAttribute, string roleWord, string roleName, string ganName,
            SyntaxTree tree, TextSpan span, DiagnosticSink sink)
        {
            if (RoleAttributes.Has(type, roleAttribute)) return true;
            sink.Add(DiagnosticCatalog.GanRoleMissing, tree, span, type.Name, ganName, roleWord, roleName);
            return false;
        }
    }
}

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using GanDsl.Generators.Diagnostics;
using GanDsl.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace GanDsl.Generators.Parsing
{
    /// <summary>A [ProgressiveGenerator]/[ProgressiveDiscriminator] class → its declaration (or a stub); checks that every stage is a [GanBlock].</summary>
    internal static class ProgressiveParser
    {
        public static ProgressiveParse Parse(GeneratorAttributeSyntaxContext context, NetRole role, CancellationToken token)
        {
            var tree = context.TargetNode.SyntaxTree;
            var attributeSpan = context.Attributes[0].ApplicationSyntaxReference?.Span ?? ((TypeDeclarationSyntax)context.TargetNode).Identifier.Span;
            return InternalErrors.Parse(context, token, (c, t) => Build(c, role, tree, attributeSpan, t),
                failed => new ProgressiveParse(null, null, failed, tree, tree.FilePath, attributeSpan.Start, attributeSpan.Length, EquatableArray<int>.Empty));
        }

        private static ProgressiveParse Build(GeneratorAttributeSyntaxContext context, NetRole role, SyntaxTree tree, TextSpan attributeSpan,
            CancellationToken token)
        {
            var symbol = (INamedTypeSymbol)context.TargetSymbol;
            var attribute = context.Attributes[0];
            var header = TypeHeaders.Of(symbol, (TypeDeclarationSyntax)context.TargetNode);
            bool generator = role == NetRole.Generator;
            var stub = new StubModel(header, generator ? StubKind.ProgressiveGenerator : StubKind.ProgressiveDiscriminator, EquatableArray<string>.Empty);
            var sink = new DiagnosticSink();
            var spans = new List<int>();
            ProgressiveParse Done(ProgressiveDeclaration? model, StubModel? withStub) =>
                new ProgressiveParse(model, withStub, sink.ToBatch(), tree, tree.FilePath, attributeSpan.Start, attributeSpan.Length, EquatableArray.From(spans));

            var problem = DeclarationProblems.Find(symbol, token);
            var roleAttribute = generator ? RoleAttributes.ProgressiveGenerator : RoleAttributes.ProgressiveDiscriminator;
            if (problem != null) return Done(null, problem.KeptRole == RoleAttributes.Rank(roleAttribute) ? stub : null);
            if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Kind != TypedConstantKind.Array) return Done(null, stub);
            var stages = new List<INamedTypeSymbol>();
            var listed = attribute.ConstructorArguments[0];
            foreach (var value in listed.IsNull ? ImmutableArray<TypedConstant>.Empty : listed.Values)
            {
                if (!(value.Value is INamedTypeSymbol type) || type.TypeKind == TypeKind.Error) return Done(null, stub); // the compiler reports it
                stages.Add(type);
            }
            var argumentSpans = StageArgumentSpans(attribute, stages.Count, token);
            foreach (var s in argumentSpans) { spans.Add(s.Start); spans.Add(s.Length); }

            string roleName = generator ? "ProgressiveGenerator" : "ProgressiveDiscriminator";
            int channels = LayerReader.NamedInt(attribute, "ImageChannels") ?? 1;
            if (channels <= 0)
            {
                sink.Add(DiagnosticCatalog.ArgumentOutOfRange, tree, attributeSpan, DiagnosticCatalog.Sentences.NonPositiveImageChannels(roleName, symbol.Name, channels));
                return Done(null, stub);
            }
            string word = generator ? "generator" : "discriminator";
            for (int k = 0; k < stages.Count; k++)
                if (!RoleAttributes.Has(stages[k], RoleAttributes.Block))
                    sink.Add(DiagnosticCatalog.StageNotBlock, tree, argumentSpans[k],
                        (k + 1).ToString(CultureInfo.InvariantCulture), stages[k].Name, word, symbol.Name);
            if (sink.HasErrors) return Done(null, stub);

            return Done(new ProgressiveDeclaration(
                Type: header,
                Role: role,
                ImageChannels: channels,
                DcganInit: (LayerReader.NamedInt(attribute, "Init") ?? 0) == RoleArguments.DcganInit,
                StageTypes: EquatableArray.From(stages.Select(s => s.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)))), stub);
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

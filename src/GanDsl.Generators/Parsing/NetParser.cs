using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using GanDsl.Generators.Diagnostics;
using GanDsl.Generators.Model;
using GanDsl.Shapes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GanDsl.Generators.Parsing
{
    /// <summary>Syntax + attribute data of a [GanGenerator]/[GanDiscriminator] class → <see cref="NetModel"/> and diagnostics.</summary>
    internal static class NetParser
    {
        public const string GeneratorAttribute = "GanDsl.GanGeneratorAttribute";
        public const string DiscriminatorAttribute = "GanDsl.GanDiscriminatorAttribute";
        public const string GanAttribute = "GanDsl.GanAttribute`2";
        public const string BlockAttribute = "GanDsl.GanBlockAttribute";
        public const string ProgressiveGeneratorAttribute = "GanDsl.ProgressiveGeneratorAttribute";
        public const string ProgressiveDiscriminatorAttribute = "GanDsl.ProgressiveDiscriminatorAttribute";

        /// <summary>The net roles in the order that decides which parser reports a clash between two of them.</summary>
        private static readonly string[] NetRoles = { GeneratorAttribute, DiscriminatorAttribute, BlockAttribute };

        /// <summary>True for any attribute that gives a class a GanDsl role.</summary>
        public static bool IsRole(INamedTypeSymbol? type) =>
            IsNamed(type, GeneratorAttribute) || IsNamed(type, DiscriminatorAttribute) || IsNamed(type, BlockAttribute)
            || IsNamed(type, ProgressiveGeneratorAttribute) || IsNamed(type, ProgressiveDiscriminatorAttribute)
            || IsNamed(type?.OriginalDefinition, GanAttribute);

        public static ParseResult<NetModel> Parse(GeneratorAttributeSyntaxContext context, NetRole role, CancellationToken token)
        {
            var sink = new DiagnosticSink();
            var declaration = (TypeDeclarationSyntax)context.TargetNode;
            var symbol = (INamedTypeSymbol)context.TargetSymbol;
            try
            {
                var model = Build(declaration, symbol, context.Attributes[0], role, sink, token);
                return new ParseResult<NetModel>(sink.HasErrors ? null : model, sink.ToBatch());
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception e)
            {
                // Never crash the compiler: one diagnostic instead.
                var failed = new DiagnosticSink();
                failed.Add(DiagnosticCatalog.InternalError, declaration.SyntaxTree, declaration.Identifier.Span,
                    symbol.Name, e.GetType().Name + ": " + e.Message);
                return new ParseResult<NetModel>(null, failed.ToBatch());
            }
        }

        private static NetModel? Build(TypeDeclarationSyntax declaration, INamedTypeSymbol symbol, AttributeData roleAttribute,
            NetRole role, DiagnosticSink sink, CancellationToken token)
        {
            var tree = declaration.SyntaxTree;
            var attributes = symbol.GetAttributes();
            string own = NetRoles[(int)role];
            var otherRole = attributes.FirstOrDefault(a => IsRole(a.AttributeClass) && !IsNamed(a.AttributeClass, own));
            if (otherRole != null)
            {
                // Reported once: by the first net role in NetRoles order, or from here when the clash is with a non-net role.
                int other = System.Array.FindIndex(NetRoles, r => IsNamed(otherRole.AttributeClass, r));
                if (other < 0 || (int)role < other)
                    sink.Add(DiagnosticCatalog.ConflictingRoles, otherRole.ApplicationSyntaxReference, tree, declaration.Identifier.Span,
                        symbol.Name, ShortName(roleAttribute), ShortName(otherRole));
                return null;
            }
            if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                sink.Add(DiagnosticCatalog.NotPartial, tree, declaration.Identifier.Span, symbol.Name);
                return null;
            }

            var layerAttributes = attributes.Where(a => LayerReader.IsLayer(a.AttributeClass) && a.ApplicationSyntaxReference != null).ToList();
            if (!CheckOneDeclaration(symbol, layerAttributes, sink)) return null;
            layerAttributes.Sort((a, b) => a.ApplicationSyntaxReference!.Span.Start.CompareTo(b.ApplicationSyntaxReference!.Span.Start));
            token.ThrowIfCancellationRequested();

            var roleSpan = roleAttribute.ApplicationSyntaxReference?.Span ?? declaration.Identifier.Span;
            if (layerAttributes.Count == 0)
            {
                sink.Add(DiagnosticCatalog.EmptyStack, tree, roleSpan, symbol.Name);
                return null;
            }
            var layers = new List<LayerSpec>();
            foreach (var a in layerAttributes)
            {
                var spec = LayerReader.Read(a);
                if (spec == null) return null; // binding error: the compiler already reports it
                layers.Add(spec);
            }

            var role0 = RoleArguments.Read(roleAttribute, role, symbol.Name, tree, roleSpan, sink);
            if (role0 == null) return null;
            var shapes = StackShapesOf(role0, layers);
            if (shapes.Error != null)
            {
                var at = layerAttributes[Math.Max(0, shapes.Error.LayerIndex)].ApplicationSyntaxReference!;
                sink.Add(DiagnosticCatalog.For(shapes.Error.Kind), at.SyntaxTree, at.Span, shapes.Error.Message);
                return null;
            }

            long parameters;
            try
            {
                // The label embedding is Embedding(Classes, Classes); one-hot planes have no parameters.
                long embedding = role0.Conditioning == Conditioning.EmbeddingAtInput || role0.Conditioning == Conditioning.EmbeddingAfterFlatten
                    ? (long)role0.Classes * role0.Classes : 0;
                parameters = checked(LayerCounts.TotalParameters(shapes.StackInput, layers) + embedding);
                new ModelSummary(shapes.StackInput, layers).TotalMultAdds(1);
            }
            catch (OverflowException)
            {
                sink.Add(DiagnosticCatalog.Overflow, tree, roleSpan,
                    "'" + symbol.Name + "' has more parameters or mult-adds than a 64-bit count can hold; use smaller layers");
                return null;
            }

            if (role == NetRole.Generator) WarnIfUnbounded(symbol.Name, layers, layerAttributes, sink);

            return new NetModel(
                symbol.ContainingNamespace.IsGlobalNamespace ? null : symbol.ContainingNamespace.ToDisplayString(),
                symbol.Name,
                symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                "partial " + Keyword(declaration) + " " + symbol.Name,
                ContainingTypes(symbol),
                role,
                role0.LatentDim,
                role0.Classes,
                role0.Dcgan,
                role0.Conditioning,
                EquatableArray.From(role == NetRole.Generator ? (shapes.Outputs.Count == 0 ? shapes.StackInput : shapes.Outputs[shapes.Outputs.Count - 1]) : role0.InputShape),
                EquatableArray.From(shapes.StackInput),
                EquatableArray.From(layers),
                EquatableArray.From(shapes.Outputs.Select(o => EquatableArray.From(o))),
                parameters);
        }

        /// <summary>Layer shapes with the labels mixed in as the role's conditioning says.</summary>
        private static (int[] StackInput, List<int[]> Outputs, ShapeError? Error) StackShapesOf(RoleArguments role, List<LayerSpec> layers)
        {
            var input = role.StackInput(layers);
            var outputs = new List<int[]>();
            int[] current = input;
            for (int i = 0; i < layers.Count; i++)
            {
                string source = ShapeInference.InputSource(layers, i);
                var result = ShapeInference.Infer(layers[i], current, i, source);
                if (!result.IsValid) return (input, outputs, result.Error);
                current = result.Output!;
                outputs.Add(current);
            }
            return (input, outputs, null);
        }

        private static bool CheckOneDeclaration(INamedTypeSymbol symbol, List<AttributeData> layerAttributes, DiagnosticSink sink)
        {
            SyntaxReference? first = null;
            foreach (var a in layerAttributes.OrderBy(a => a.ApplicationSyntaxReference!.SyntaxTree.FilePath, StringComparer.Ordinal)
                         .ThenBy(a => a.ApplicationSyntaxReference!.Span.Start))
            {
                var at = a.ApplicationSyntaxReference!;
                var owner = symbol.DeclaringSyntaxReferences.FirstOrDefault(r => r.SyntaxTree == at.SyntaxTree && r.Span.Contains(at.Span));
                if (owner == null) continue;
                if (first == null) first = owner;
                else if (owner.SyntaxTree != first.SyntaxTree || owner.Span != first.Span)
                {
                    sink.Add(DiagnosticCatalog.LayersSpread, at.SyntaxTree, at.Span, symbol.Name);
                    return false;
                }
            }
            return true;
        }

        private static void WarnIfUnbounded(string name, List<LayerSpec> layers, List<AttributeData> attributes, DiagnosticSink sink)
        {
            for (int i = layers.Count - 1; i >= 0; i--)
            {
                var kind = layers[i].Kind;
                // These keep values inside the range of their input, so look through them.
                if (kind == LayerKind.Reshape || kind == LayerKind.Flatten || kind == LayerKind.Upsample || kind == LayerKind.MaxPool2d) continue;
                if (kind == LayerKind.Tanh || kind == LayerKind.Sigmoid) return;
                var at = attributes[i].ApplicationSyntaxReference!;
                sink.Add(DiagnosticCatalog.UnboundedOutput, at.SyntaxTree, at.Span, name, layers[i].Describe());
                return;
            }
        }

        internal static EquatableArray<string> ContainingTypes(INamedTypeSymbol symbol)
        {
            var result = new List<string>();
            for (var t = symbol.ContainingType; t != null; t = t.ContainingType)
                result.Insert(0, "partial " + (t.IsRecord ? (t.IsValueType ? "record struct" : "record") : t.IsValueType ? "struct" : t.TypeKind == TypeKind.Interface ? "interface" : "class") + " " + t.Name);
            return EquatableArray.From(result);
        }

        internal static string Keyword(TypeDeclarationSyntax declaration) => declaration.Keyword.ValueText;

        internal static bool IsNamed(INamedTypeSymbol? type, string metadataName) =>
            type != null && type.ContainingNamespace?.ToDisplayString() + "." + type.MetadataName == metadataName;

        private static string ShortName(AttributeData attribute)
        {
            var name = attribute.AttributeClass?.Name ?? "?";
            if (name.EndsWith("Attribute", StringComparison.Ordinal)) name = name.Substring(0, name.Length - "Attribute".Length);
            return attribute.AttributeClass is { IsGenericType: true } ? name + "<...>" : name;
        }
    }
}

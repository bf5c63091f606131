using System.Collections.Generic;
using GanDsl.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GanDsl.Generators.Parsing
{
    /// <summary>Builds the <see cref="TypeHeader"/> of a declared class from its symbol; every parser uses this one.</summary>
    internal static class TypeHeaders
    {
        public static TypeHeader Of(INamedTypeSymbol symbol, TypeDeclarationSyntax declaration) =>
            new TypeHeader(
                symbol.ContainingNamespace.IsGlobalNamespace ? null : symbol.ContainingNamespace.ToDisplayString(),
                symbol.Name,
                declaration.Keyword.ValueText,
                ContainingTypes(symbol),
                symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));

        private static EquatableArray<string> ContainingTypes(INamedTypeSymbol symbol)
        {
            var result = new List<string>();
            for (var t = symbol.ContainingType; t != null; t = t.ContainingType)
                result.Insert(0, "partial " + Keyword(t) + " " + t.Name);
            return EquatableArray.From(result);
        }

        private static string Keyword(INamedTypeSymbol t) =>
            t.IsRecord ? (t.IsValueType ? "record struct" : "record")
            : t.IsValueType ? "struct"
            : t.TypeKind == TypeKind.Interface ? "interface"
            : "class";
    }
}

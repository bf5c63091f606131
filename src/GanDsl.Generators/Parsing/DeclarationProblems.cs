using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using GanDsl.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GanDsl.Generators.Parsing
{
    /// <summary>A mistake in how a class is declared (GAN0001, 0002, 0003, 0005): the analyzer reports it, the parsers skip the class.</summary>
    internal sealed class DeclarationProblem
    {
        public DeclarationProblem(DiagnosticDescriptor descriptor, Location location, int keptRole, params string[] arguments)
        {
            Descriptor = descriptor;
            Location = location;
            KeptRole = keptRole;
            Arguments = arguments;
        }

        public DiagnosticDescriptor Descriptor { get; }
        public Location Location { get; }
        public string[] Arguments { get; }

        /// <summary>The rank (<see cref="RoleAttributes.Rank(string)"/>) of the role whose stub the class still gets, or -1 for none.</summary>
        public int KeptRole { get; }
    }

    /// <summary>
    /// The checks that need no layer model. One function serves the <see cref="DeclarationAnalyzer"/> (which reports) and
    /// the parsers (which then emit at most a stub), so both agree on which class has which mistake.
    /// </summary>
    internal static class DeclarationProblems
    {
        /// <summary>The first mistake in the declaration of <paramref name="symbol"/>, or null.</summary>
        public static DeclarationProblem? Find(INamedTypeSymbol symbol, CancellationToken token)
        {
            var roles = RoleAttributes.On(symbol);
            var layers = LayerAttributes(symbol);
            if (roles.Count == 0)
                return layers.Count == 0 ? null
                    : new DeclarationProblem(DiagnosticCatalog.MissingRole, At(layers[0]), -1, symbol.Name);

            var kept = roles.OrderBy(a => RoleAttributes.Rank(a.AttributeClass)).First();
            int keptRank = RoleAttributes.Rank(kept.AttributeClass);
            var other = roles.FirstOrDefault(a => RoleAttributes.Rank(a.AttributeClass) != keptRank);
            bool partial = IsPartial(symbol, token, out var notPartial);
            if (other != null)
                return new DeclarationProblem(DiagnosticCatalog.ConflictingRoles, At(other, notPartial), partial ? keptRank : -1,
                    symbol.Name, RoleAttributes.ShortName(kept), RoleAttributes.ShortName(other));
            if (!partial)
                return new DeclarationProblem(DiagnosticCatalog.NotPartial, notPartial!.Identifier.GetLocation(), -1, symbol.Name);
            var spread = SpreadAt(symbol, layers);
            if (spread != null)
                return new DeclarationProblem(DiagnosticCatalog.LayersSpread, At(spread), keptRank, symbol.Name);
            return null;
        }

        /// <summary>The class's layer attributes in source order (by file, then position).</summary>
        public static List<AttributeData> LayerAttributes(INamedTypeSymbol symbol) =>
            symbol.GetAttributes()
                .Where(a => LayerReader.IsLayer(a.AttributeClass) && a.ApplicationSyntaxReference != null)
                .OrderBy(a => a.ApplicationSyntaxReference!.SyntaxTree.FilePath, StringComparer.Ordinal)
                .ThenBy(a => a.ApplicationSyntaxReference!.Span.Start)
                .ToList();

        private static bool IsPartial(INamedTypeSymbol symbol, CancellationToken token, out TypeDeclarationSyntax? notPartial)
        {
            notPartial = null;
            foreach (var reference in symbol.DeclaringSyntaxReferences)
                if (reference.GetSyntax(token) is TypeDeclarationSyntax declaration && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    notPartial = declaration;
                    return false;
                }
            return true;
        }

        /// <summary>The first layer attribute outside the declaration that holds the first one, or null when one declaration holds them all.</summary>
        private static AttributeData? SpreadAt(INamedTypeSymbol symbol, List<AttributeData> layers)
        {
            SyntaxReference? first = null;
            foreach (var a in layers)
            {
                var at = a.ApplicationSyntaxReference!;
                var owner = symbol.DeclaringSyntaxReferences.FirstOrDefault(r => r.SyntaxTree == at.SyntaxTree && r.Span.Contains(at.Span));
                if (owner == null) continue;
                if (first == null) first = owner;
                else if (owner.SyntaxTree != first.SyntaxTree || owner.Span != first.Span) return a;
            }
            return null;
        }

        private static Location At(AttributeData attribute, TypeDeclarationSyntax? fallback = null)
        {
            var at = attribute.ApplicationSyntaxReference;
            if (at != null) return Location.Create(at.SyntaxTree, at.Span);
            return fallback?.Identifier.GetLocation() ?? Location.None;
        }
    }
}

using System;
using System.Collections.Generic;
using GanDsl.Generators.Model;
using Microsoft.CodeAnalysis;

namespace GanDsl.Generators.Parsing
{
    /// <summary>The attributes that give a class a GanDsl role, and which one wins when a class carries two.</summary>
    internal static class RoleAttributes
    {
        public const string Generator = "GanDsl.GanGeneratorAttribute";
        public const string Discriminator = "GanDsl.GanDiscriminatorAttribute";
        public const string Block = "GanDsl.GanBlockAttribute";
        public const string ProgressiveGenerator = "GanDsl.ProgressiveGeneratorAttribute";
        public const string ProgressiveDiscriminator = "GanDsl.ProgressiveDiscriminatorAttribute";
        public const string Gan = "GanDsl.GanAttribute`2";

        /// <summary>
        /// Every role, first the one a class with two roles keeps (its stub has that base class; the conflict is reported
        /// naming it first).
        /// </summary>
        private static readonly string[] Order = { Generator, Discriminator, Block, ProgressiveGenerator, ProgressiveDiscriminator, Gan };

        /// <summary>The position of <paramref name="type"/> in the role order, or -1 when it gives no role.</summary>
        public static int Rank(INamedTypeSymbol? type)
        {
            if (type == null) return -1;
            var definition = type.OriginalDefinition;
            for (int i = 0; i < Order.Length; i++)
                if (IsNamed(definition, Order[i])) return i;
            return -1;
        }

        public static int Rank(string metadataName) => Array.IndexOf(Order, metadataName);

        public static bool IsRole(INamedTypeSymbol? type) => Rank(type) >= 0;

        /// <summary>The net role a parser for <paramref name="role"/> handles, as its attribute's metadata name.</summary>
        public static string Of(NetRole role) => role == NetRole.Generator ? Generator : role == NetRole.Discriminator ? Discriminator : Block;

        public static bool IsNamed(INamedTypeSymbol? type, string metadataName) =>
            type != null && type.ContainingNamespace?.ToDisplayString() + "." + type.MetadataName == metadataName;

        /// <summary>True when <paramref name="symbol"/> carries the attribute named <paramref name="metadataName"/>.</summary>
        public static bool Has(ITypeSymbol symbol, string metadataName)
        {
            foreach (var a in symbol.GetAttributes())
                if (IsNamed(a.AttributeClass?.OriginalDefinition, metadataName)) return true;
            return false;
        }

        /// <summary>The roles on a class, in attribute order.</summary>
        public static List<AttributeData> On(INamedTypeSymbol symbol)
        {
            var roles = new List<AttributeData>();
            foreach (var a in symbol.GetAttributes())
                if (IsRole(a.AttributeClass)) roles.Add(a);
            return roles;
        }

        /// <summary>The name users write: <c>GanGenerator</c>, <c>Gan&lt;...&gt;</c>.</summary>
        public static string ShortName(AttributeData attribute)
        {
            var name = attribute.AttributeClass?.Name ?? "?";
            if (name.EndsWith("Attribute", StringComparison.Ordinal)) name = name.Substring(0, name.Length - "Attribute".Length);
            return attribute.AttributeClass is { IsGenericType: true } ? name + "<...>" : name;
        }
    }
}

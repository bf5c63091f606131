using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using GanDsl.Shapes;
using Microsoft.CodeAnalysis;

namespace GanDsl.Generators.Parsing
{
    /// <summary>
    /// Turns one layer attribute application into a <see cref="LayerSpec"/>: the attribute class names the kind, and each of
    /// the kind's declared arguments is read by name from the bound constructor arguments (or the named property), falling
    /// back to the definition's default.
    /// </summary>
    internal static class LayerReader
    {
        /// <summary>True for <c>GanDsl.XxxAttribute</c> where Xxx is a defined layer kind.</summary>
        public static bool IsLayer(INamedTypeSymbol? type) => KindOf(type) != null;

        /// <summary>The layer, or null when the attribute has binding errors (the compiler reports those).</summary>
        public static LayerSpec? Read(AttributeData attribute)
        {
            var kind = KindOf(attribute.AttributeClass);
            var constructor = attribute.AttributeConstructor;
            if (kind == null || constructor == null) return null;
            foreach (var a in attribute.ConstructorArguments) if (a.Kind == TypedConstantKind.Error) return null;

            var arguments = kind.Arguments;
            var values = new object?[arguments.Count];
            for (int i = 0; i < arguments.Count; i++)
            {
                var argument = arguments[i];
                var constant = argument.IsNamed ? Named(attribute, argument.PropertyName) : Positional(attribute, constructor, argument.Name);
                if (constant is TypedConstant c) values[i] = Convert(argument.Type, c);
                else if (argument.Default != null) values[i] = argument.Default;
                else if (argument.DefaultsTo != null) values[i] = values[kind.IndexOf(argument.DefaultsTo)];
                else return null; // a required argument the attribute does not carry: a mismatch the tests catch
            }
            return new LayerSpec(kind, values);
        }

        /// <summary>An int or int[] constructor argument as a list (a single value is a list of one); empty when absent or null.</summary>
        public static int[] Ints(ImmutableArray<TypedConstant> args, int index) =>
            index < args.Length ? (int[])Convert(ArgumentType.Ints, args[index]) : new int[0];

        public static int? NamedInt(AttributeData attribute, string name) =>
            Named(attribute, name) is TypedConstant c ? (int)Convert(ArgumentType.Int, c) : (int?)null;

        private static LayerKind? KindOf(INamedTypeSymbol? type) =>
            type != null && type.ContainingNamespace is { Name: "GanDsl" } ns && ns.ContainingNamespace.IsGlobalNamespace
                ? LayerKind.FromAttributeName(type.Name)
                : null;

        private static TypedConstant? Positional(AttributeData attribute, IMethodSymbol constructor, string name)
        {
            var parameters = constructor.Parameters;
            for (int i = 0; i < parameters.Length && i < attribute.ConstructorArguments.Length; i++)
                if (parameters[i].Name == name) return attribute.ConstructorArguments[i];
            return null;
        }

        private static TypedConstant? Named(AttributeData attribute, string name)
        {
            foreach (var pair in attribute.NamedArguments)
                if (pair.Key == name && pair.Value.Kind != TypedConstantKind.Error && (pair.Value.Value != null || pair.Value.Kind == TypedConstantKind.Array))
                    return pair.Value;
            return null;
        }

        private static object Convert(ArgumentType type, TypedConstant constant)
        {
            switch (type)
            {
                case ArgumentType.Int: return ToInt(constant.Value);
                case ArgumentType.Real: return constant.Value == null ? 0.0 : System.Convert.ToDouble(constant.Value, CultureInfo.InvariantCulture);
                case ArgumentType.Bool: return constant.Value is bool b && b;
                default:
                    if (constant.Kind != TypedConstantKind.Array) return new[] { ToInt(constant.Value) };
                    if (constant.IsNull) return new int[0];
                    var result = new List<int>();
                    foreach (var v in constant.Values) result.Add(ToInt(v.Value));
                    return result.ToArray();
            }
        }

        private static int ToInt(object? value) => value == null ? 0 : System.Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }
}

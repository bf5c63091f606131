using System;
using System.Collections.Generic;
using System.Globalization;
using GanDsl.Shapes;
using Microsoft.CodeAnalysis;

namespace GanDsl.Generators.Parsing
{
    /// <summary>Turns one layer attribute application into a <see cref="LayerSpec"/> using its bound argument values.</summary>
    internal static class LayerReader
    {
        public static bool IsLayer(INamedTypeSymbol? type) =>
            type != null && type.BaseType is { Name: "LayerAttribute" } b && b.ContainingNamespace is { Name: "GanDsl" } ns
            && ns.ContainingNamespace.IsGlobalNamespace;

        /// <summary>The layer, or null when the attribute has binding errors (the compiler reports those).</summary>
        public static LayerSpec? Read(AttributeData attribute)
        {
            if (attribute.AttributeConstructor == null || attribute.AttributeClass == null) return null;
            var args = attribute.ConstructorArguments;
            foreach (var a in args) if (a.Kind == TypedConstantKind.Error) return null;
            bool bias = NamedBool(attribute, "Bias", true);
            switch (attribute.AttributeClass.Name)
            {
                case "LinearAttribute": return LayerSpec.Linear(Int(args, 0), bias);
                case "Conv2dAttribute": return LayerSpec.Conv2d(Int(args, 0), Int(args, 1), Int(args, 2, 1), Int(args, 3), bias);
                case "ConvTranspose2dAttribute":
                    return LayerSpec.ConvTranspose2d(Int(args, 0), Int(args, 1), Int(args, 2, 1), Int(args, 3), Int(args, 4), bias);
                case "BatchNorm1dAttribute": return LayerSpec.BatchNorm1d();
                case "BatchNorm2dAttribute": return LayerSpec.BatchNorm2d();
                case "DropoutAttribute": return LayerSpec.Dropout(Real(args, 0, 0.5));
                case "ReLUAttribute": return LayerSpec.ReLU();
                case "LeakyReLUAttribute": return LayerSpec.LeakyReLU(Real(args, 0, 0.01));
                case "TanhAttribute": return LayerSpec.Tanh();
                case "SigmoidAttribute": return LayerSpec.Sigmoid();
                case "MaxPool2dAttribute":
                    return args.Length > 1 ? LayerSpec.MaxPool2d(Int(args, 0), Int(args, 1)) : LayerSpec.MaxPool2d(Int(args, 0));
                case "FlattenAttribute": return LayerSpec.Flatten();
                case "ReshapeAttribute": return LayerSpec.Reshape(Ints(args, 0));
                case "UpsampleAttribute": return LayerSpec.Upsample(Int(args, 0));
                default: return null;
            }
        }

        public static int[] Ints(System.Collections.Immutable.ImmutableArray<TypedConstant> args, int index)
        {
            if (index >= args.Length) return new int[0];
            var a = args[index];
            if (a.Kind != TypedConstantKind.Array) return new[] { ToInt(a.Value) };
            if (a.IsNull) return new int[0];
            var result = new List<int>();
            foreach (var v in a.Values) result.Add(ToInt(v.Value));
            return result.ToArray();
        }

        public static bool NamedBool(AttributeData attribute, string name, bool fallback)
        {
            foreach (var pair in attribute.NamedArguments)
                if (pair.Key == name && pair.Value.Value is bool b) return b;
            return fallback;
        }

        public static int? NamedInt(AttributeData attribute, string name)
        {
            foreach (var pair in attribute.NamedArguments)
                if (pair.Key == name && pair.Value.Kind != TypedConstantKind.Error) return ToInt(pair.Value.Value);
            return null;
        }

        private static int Int(System.Collections.Immutable.ImmutableArray<TypedConstant> args, int index, int fallback = 0) =>
            index < args.Length ? ToInt(args[index].Value) : fallback;

        private static double Real(System.Collections.Immutable.ImmutableArray<TypedConstant> args, int index, double fallback) =>
            index < args.Length && args[index].Value != null ? Convert.ToDouble(args[index].Value, CultureInfo.InvariantCulture) : fallback;

        private static int ToInt(object? value) => value == null ? 0 : Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }
}

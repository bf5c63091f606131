extern alias Generator;

using System.Reflection;
using Microsoft.CodeAnalysis;
using GeneratorAssembly = Generator::GanDsl.Generators.GanDslGenerator;

namespace GanDsl.Generators.Tests;

/// <summary>The cached model must hold plain values only: no symbols, syntax, locations, diagnostics or compilations.</summary>
public class ModelPurityTests
{
    private static readonly Type[] Forbidden =
    {
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(Diagnostic), typeof(Compilation),
        typeof(SemanticModel), typeof(AttributeData), typeof(SyntaxReference),
    };

    [Fact]
    public void Model_types_reach_no_roslyn_object()
    {
        var assembly = typeof(GeneratorAssembly).Assembly;
        var roots = assembly.GetTypes().Where(t => t.Namespace == "GanDsl.Generators.Model" && !t.IsNested).ToList();
        Assert.Contains(roots, t => t.Name == "NetModel");
        Assert.Contains(roots, t => t.Name == "GanModel");
        Assert.Contains(roots, t => t.Name == "StubModel");
        Assert.Contains(roots, t => t.Name == "TypeHeader");

        var seen = new HashSet<Type>();
        foreach (var root in roots) Walk(root, root.Name, seen);
        Assert.Contains(seen, t => t.Name == "LayerSpec"); // the walk reached through EquatableArray<LayerSpec>
    }

    [Fact]
    public void Walk_detects_a_roslyn_symbol()
    {
        Assert.ThrowsAny<Exception>(() => Walk(typeof(Holder), nameof(Holder), new HashSet<Type>()));
    }

    private sealed class Holder
    {
        public IReadOnlyList<ITypeSymbol>? Types { get; init; }
    }

    private static void Walk(Type type, string path, HashSet<Type> seen)
    {
        if (type.IsGenericParameter) return;
        Assert.False(Forbidden.Any(f => f.IsAssignableFrom(type)), $"{path} is a Roslyn object ({type.FullName})");
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || !seen.Add(type)) return;
        if (type.IsArray) { Walk(type.GetElementType()!, path + "[]", seen); return; }
        foreach (var argument in type.GetGenericArguments()) Walk(argument, path + "<" + argument.Name + ">", seen);
        if (type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true) return;
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            Walk(field.FieldType, path + "." + field.Name, seen);
    }
}

using System.Reflection;
using GanDsl.Nn;
using Module = GanDsl.Nn.Module;
using GanDsl.Shapes;

namespace GanDsl.Core.Tests.Shapes;

/// <summary>
/// A layer kind is defined once; the attribute, the <c>LayerSpec</c> factory and the <c>GanDsl.Nn</c> module are the
/// only other places that name its arguments, and they must agree with the definition: names, order and defaults.
/// </summary>
public class LayerKindTests
{
    public static TheoryData<string> Kinds => new(LayerKind.All.Select(k => k.Name));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Attribute_takes_the_declared_arguments(string name)
    {
        var kind = Kind(name);
        var type = typeof(LayerAttribute).Assembly.GetType("GanDsl." + name + "Attribute");
        Assert.True(type is not null && type.IsSubclassOf(typeof(LayerAttribute)), $"GanDsl.{name}Attribute is missing");
        var positional = kind.Arguments.Where(a => !a.IsNamed).ToList();
        var longest = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        AssertParameters(positional, longest.GetParameters(), name + "Attribute");
        foreach (var named in kind.Arguments.Where(a => a.IsNamed))
        {
            var property = type.GetProperty(named.PropertyName);
            Assert.True(property is { CanWrite: true }, $"{name}Attribute needs a settable {named.PropertyName}");
            Assert.Equal(named.Default, property.GetValue(Construct(longest)));
        }
        foreach (var argument in positional)
            Assert.NotNull(type.GetProperty(argument.PropertyName));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Factory_takes_the_declared_arguments_in_order(string name)
    {
        var kind = Kind(name);
        var factory = typeof(LayerSpec).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name == name).OrderByDescending(m => m.GetParameters().Length).First();
        AssertParameters(kind.Arguments, factory.GetParameters(), "LayerSpec." + name);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Module_takes_the_input_width_then_the_declared_arguments(string name)
    {
        var kind = Kind(name);
        var type = typeof(Module).Assembly.GetType("GanDsl.Nn." + name);
        Assert.True(type is not null && type.IsSubclassOf(typeof(Module)), $"GanDsl.Nn.{name} is missing");
        var expected = (kind.InputWidth is null ? kind.Arguments : kind.Arguments.Prepend(kind.InputWidth)).ToList();
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        AssertParameters(expected, constructor.GetParameters(), "Nn." + name);
    }

    [Fact]
    public void Every_kind_has_a_unique_name_and_the_static_field_of_that_name()
    {
        Assert.Equal(LayerKind.All.Count, LayerKind.All.Select(k => k.Name).Distinct().Count());
        foreach (var kind in LayerKind.All)
            Assert.Same(kind, typeof(LayerKind).GetField(kind.Name)!.GetValue(null));
        Assert.Equal(new[] { "PyTorchDefault", "Dcgan" }, Enum.GetNames<Init>());
    }

    private static LayerKind Kind(string name) => LayerKind.All.Single(k => k.Name == name);

    private static void AssertParameters(IReadOnlyList<LayerArgument> arguments, ParameterInfo[] parameters, string where)
    {
        Assert.True(arguments.Select(a => a.Name).SequenceEqual(parameters.Select(p => p.Name)),
            $"{where}({string.Join(", ", parameters.Select(p => p.Name))}) should take ({string.Join(", ", arguments.Select(a => a.Name))})");
        for (int i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            var parameter = parameters[i];
            if (argument.Default is not null)
                Assert.True(parameter.HasDefaultValue && Equals(parameter.DefaultValue, argument.Default),
                    $"{where}: {parameter.Name} should default to {argument.Default}");
            else if (argument.IsRequired)
                Assert.False(parameter.HasDefaultValue && parameter.ParameterType != typeof(int[]), $"{where}: {parameter.Name} is required");
        }
    }

    /// <summary>An attribute built with valid-looking arguments, to read its named options' defaults.</summary>
    private static object Construct(ConstructorInfo constructor) =>
        constructor.Invoke(constructor.GetParameters().Select(p => p.ParameterType == typeof(int[]) ? new[] { 1 }
            : p.ParameterType == typeof(double) ? (object)0.1 : 1).ToArray());
}

using System.Reflection;
using GanDsl.Shapes;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.TorchSharp;

/// <summary>
/// Invokes a kind's <see cref="TorchModuleCall"/> (its factory and named arguments, the same call the source generator writes
/// in emitted <c>Torch</c> classes), so the run-time builder holds no per-kind code of its own.
/// </summary>
internal static class TorchLayerFactory
{
    private static readonly Dictionary<string, Type> Factories = new()
    {
        [TorchModuleCall.TorchNn] = typeof(nn),
        [TorchModuleCall.GanDslLayers] = typeof(TorchLayers),
    };

    /// <summary>The module for <paramref name="layer"/> given its per-sample input shape.</summary>
    public static nn.Module<Tensor, Tensor> Create(LayerSpec layer, IReadOnlyList<int> input) => Invoke(layer.TorchModule(input));

    public static nn.Module<Tensor, Tensor> Invoke(TorchModuleCall call)
    {
        if (!Factories.TryGetValue(call.DeclaringType, out var type))
            throw new InvalidOperationException($"GanDsl.TorchSharp knows no factory class {call.DeclaringType} (for {call.Method}).");
        var candidates = type.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name == call.Method && typeof(nn.Module<Tensor, Tensor>).IsAssignableFrom(m.ReturnType))
            .Select(m => (Method: m, Arguments: Bind(m, call)))
            .Where(c => c.Arguments is not null)
            .ToList();
        // Tanh() beside Tanh(bool inplace = false): the overload that takes the fewest parameters is the plain one.
        int fewest = candidates.Count == 0 ? 0 : candidates.Min(c => c.Arguments!.Length);
        candidates = candidates.Where(c => c.Arguments!.Length == fewest).ToList();
        if (candidates.Count != 1)
            throw new InvalidOperationException($"{call} matches {candidates.Count} TorchSharp factories; it must match exactly one.");
        return (nn.Module<Tensor, Tensor>)candidates[0].Method.Invoke(null, candidates[0].Arguments)!;
    }

    /// <summary>The argument array for <paramref name="method"/>: the call's values by name, defaults elsewhere; null when it does not fit.</summary>
    private static object?[]? Bind(MethodInfo method, TorchModuleCall call)
    {
        var parameters = method.GetParameters();
        var values = new object?[parameters.Length];
        var given = call.Arguments.ToDictionary(a => a.Key, a => a.Value);
        for (int i = 0; i < parameters.Length; i++)
        {
            var p = parameters[i];
            if (given.Remove(p.Name!, out var value))
            {
                var target = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
                if (value.GetType() != target) return null;
                values[i] = value;
            }
            else if (p.HasDefaultValue) values[i] = p.DefaultValue;
            else return null;
        }
        return given.Count == 0 ? values : null;
    }
}

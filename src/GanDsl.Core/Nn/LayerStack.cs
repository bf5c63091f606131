using System.Reflection;
using System.Runtime.ExceptionServices;
using GanDsl.Shapes;

namespace GanDsl.Nn;

/// <summary>
/// Builds a <see cref="Sequential"/> from layer specifications whose input widths are inferred from the previous layer,
/// checked by the same shape rules (and with the same messages) as the compile-time DSL. This is the attribute-free
/// API for F# and dynamic code.
/// </summary>
public static class LayerStack
{
    /// <summary>
    /// The network for per-sample input <paramref name="inputShape"/> (no batch dimension), e.g.
    /// <c>LayerStack.Build([784], LayerSpec.Linear(512), LayerSpec.LeakyReLU(0.2), LayerSpec.Linear(1))</c>.
    /// Throws <see cref="ShapeMismatchException"/> naming the first layer that cannot accept its input.
    /// </summary>
    public static Sequential Build(IReadOnlyList<int> inputShape, params LayerSpec[] layers)
    {
        var shapes = ShapeInference.InferStack(inputShape, layers);
        if (!shapes.IsValid) throw new ShapeMismatchException(shapes.Error!.Message);
        var modules = new Module[layers.Length];
        for (int i = 0; i < layers.Length; i++)
            modules[i] = Create(layers[i], i == 0 ? shapes.Input : shapes.Outputs[i - 1]);
        // LayerStack does not initialise (the caller does), so the architecture names PyTorch's default scheme.
        return new Sequential(modules, new NetArchitecture(shapes.Input, layers.ToArray(), LabelConditioning.None, 0, Init.PyTorchDefault));
    }

    /// <summary>
    /// The module for one layer given its per-sample input shape: the <c>GanDsl.Nn</c> type named like the kind, built
    /// with the constructor arguments the kind's definition lists, exactly the call the source generator writes.
    /// </summary>
    public static Module Create(LayerSpec layer, IReadOnlyList<int> input)
    {
        var type = typeof(Module).Assembly.GetType(typeof(Module).Namespace + "." + layer.Kind.Name)
            ?? throw new InvalidOperationException($"LayerStack: no GanDsl.Nn module is named {layer.Kind.Name}.");
        try
        {
            return (Module)Activator.CreateInstance(type, layer.Kind.ModuleArguments(layer, input))!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}

/// <summary>A layer stack whose shapes do not fit together; the message is the same one the compiler would report.</summary>
public sealed class ShapeMismatchException(string message) : ArgumentException(message);

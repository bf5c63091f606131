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
        return new Sequential(modules);
    }

    /// <summary>The module for one layer given its per-sample input shape.</summary>
    public static Module Create(LayerSpec layer, IReadOnlyList<int> input) => layer.Kind switch
    {
        LayerKind.Linear => new Linear(input[0], layer.Size, layer.Bias),
        LayerKind.Conv2d => new Conv2d(input[0], layer.Size, layer.Kernel, layer.Stride, layer.Padding, layer.Bias),
        LayerKind.ConvTranspose2d => new ConvTranspose2d(input[0], layer.Size, layer.Kernel, layer.Stride, layer.Padding, layer.OutputPadding, layer.Bias),
        LayerKind.BatchNorm1d => new BatchNorm1d(input[0]),
        LayerKind.BatchNorm2d => new BatchNorm2d(input[0]),
        LayerKind.Dropout => new Dropout(layer.Real),
        LayerKind.ReLU => new ReLU(),
        LayerKind.LeakyReLU => new LeakyReLU(layer.Real),
        LayerKind.Tanh => new Tanh(),
        LayerKind.Sigmoid => new Sigmoid(),
        LayerKind.MaxPool2d => new MaxPool2d(layer.Kernel, layer.Stride),
        LayerKind.Flatten => new Flatten(),
        LayerKind.Reshape => new Reshape(layer.Dims),
        LayerKind.Upsample => new Upsample(layer.Size),
        _ => throw new ArgumentOutOfRangeException(nameof(layer), $"LayerStack: no runtime module for {layer.Kind}."),
    };
}

/// <summary>A layer stack whose shapes do not fit together; the message is the same one the compiler would report.</summary>
public sealed class ShapeMismatchException(string message) : ArgumentException(message);

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
    /// A generator from latent noise of <paramref name="latentDim"/> through <paramref name="layers"/>, initialised with
    /// PyTorch's defaults from seed 42, e.g. from F#:
    /// <c>LayerStack.Generator(4, LayerSpec.Linear 64, LayerSpec.ReLU(), LayerSpec.Linear 2)</c>.
    /// Throws <see cref="ShapeMismatchException"/> naming the first layer that cannot accept its input.
    /// </summary>
    public static StackGenerator Generator(int latentDim, params LayerSpec[] layers) => Generator(latentDim, Init.PyTorchDefault, 42, layers);

    /// <summary>As <see cref="Generator(int, LayerSpec[])"/>, initialised by <paramref name="init"/> from <paramref name="seed"/>.</summary>
    public static StackGenerator Generator(int latentDim, Init init, ulong seed, params LayerSpec[] layers)
    {
        if (latentDim < 1) throw new ArgumentOutOfRangeException(nameof(latentDim), latentDim, "A generator needs a latent dimension of at least 1.");
        var stack = Build([latentDim], layers);
        var g = new StackGenerator(latentDim, stack, ShapeInference.InferStack([latentDim], layers).Output, init);
        g.Initialize(init, new Tensors.Rng(seed));
        return g;
    }

    /// <summary>
    /// A discriminator for samples of <paramref name="inputShape"/> through <paramref name="layers"/> to one score per sample,
    /// initialised with PyTorch's defaults from seed 43 (a declared pair seeds its D with G's seed + 1). A stack ending in
    /// Sigmoid gives probabilities, otherwise logits. Throws <see cref="ShapeMismatchException"/> for a stack whose shapes
    /// do not fit or that does not end in one score per sample.
    /// </summary>
    public static StackDiscriminator Discriminator(IReadOnlyList<int> inputShape, params LayerSpec[] layers) =>
        Discriminator(inputShape, Init.PyTorchDefault, 43, layers);

    /// <summary>As <see cref="Discriminator(IReadOnlyList{int}, LayerSpec[])"/>, initialised by <paramref name="init"/> from <paramref name="seed"/>.</summary>
    public static StackDiscriminator Discriminator(IReadOnlyList<int> inputShape, Init init, ulong seed, params LayerSpec[] layers)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        var stack = Build(inputShape, layers);
        var output = ShapeInference.InferStack(inputShape, layers).Output;
        if (!output.SequenceEqual([1]))
            throw new ShapeMismatchException($"The discriminator outputs [{string.Join(", ", output)}] per sample but a GAN needs one score per sample; end it in Linear(1) (or a Flatten after a convolution to 1 channel of 1x1).");
        bool probability = layers.Length > 0 && layers[^1].Kind == LayerKind.Sigmoid;
        var d = new StackDiscriminator(inputShape.ToArray(), stack, probability, init);
        d.Initialize(init, new Tensors.Rng(seed));
        return d;
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

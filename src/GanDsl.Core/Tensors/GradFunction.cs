namespace GanDsl.Tensors;

/// <summary>
/// The operation that produced a tensor, as seen by reverse-mode differentiation.
/// Declared here so a tensor can point at its producer; the autograd layer supplies the implementations
/// and walks the graph.
/// </summary>
public abstract class GradFunction
{
    /// <summary>The op's name, used in error messages (e.g. "conv2d").</summary>
    public abstract string Name { get; }

    /// <summary>The tensors the op read; gradients flow back to those that require them.</summary>
    public abstract IReadOnlyList<Tensor> Inputs { get; }

    /// <summary>
    /// Gradients with respect to each input (null where none flows), given the gradient of the output.
    /// When <paramref name="createGraph"/> is true the computation is itself recorded, so it can be differentiated again.
    /// </summary>
    public abstract Tensor?[] Backward(Tensor gradOutput, bool createGraph);
}

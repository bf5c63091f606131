namespace GanDsl.Tensors;

/// <summary>
/// A leaf's accumulated gradient. Zeroing it is deferred: <see cref="ZeroGradDeferred"/> only marks the buffer, and the
/// next backward pass overwrites it instead of adding to it. That saves two passes over every gradient per step (the
/// clear, and reading zeros back to add to them); any other read of <see cref="Grad"/> clears the buffer first, so it
/// still sees zeros.
/// </summary>
public sealed partial class Tensor
{
    private Tensor? _grad;
    private bool _gradIsDeferredZero;

    /// <summary>The accumulated gradient of a leaf after <c>Backward</c>.</summary>
    public Tensor? Grad
    {
        get
        {
            if (_gradIsDeferredZero)
            {
                Array.Clear(_grad!.Data);
                _gradIsDeferredZero = false;
            }

            return _grad;
        }
        set
        {
            _grad = value;
            _gradIsDeferredZero = false;
        }
    }

    /// <summary>
    /// Zeroes the gradient, keeping its buffer; the clearing waits until the gradient is next read or written.
    /// A gradient that carries a graph (createGraph) is dropped rather than mutated.
    /// </summary>
    internal void ZeroGradDeferred()
    {
        if (_grad is { GradFn: null }) _gradIsDeferredZero = true;
        else Grad = null;
    }

    /// <summary>
    /// The buffer a backward rule writes this leaf's gradient into, and whether it must add to it: false for a new
    /// gradient or a deferred zero (overwrite), true for a gradient already accumulated this pass.
    /// </summary>
    internal (float[] Buffer, bool Accumulate) GradTarget()
    {
        if (_grad is null)
        {
            Grad = new Tensor(Shape);
            return (_grad!.Data, false);
        }

        if (_gradIsDeferredZero)
        {
            _gradIsDeferredZero = false;
            return (_grad.Data, false);
        }

        return (_grad.Data, true);
    }

    /// <summary>Adds <paramref name="increment"/> to the gradient (no graph): a copy where there is none yet, an overwrite of a deferred zero.</summary>
    internal void AccumulateGrad(Tensor increment)
    {
        if (_grad is null)
        {
            Grad = increment.Clone(); // a copy: one gradient tensor may reach several leaves
            return;
        }

        var (buffer, add) = GradTarget();
        if (add) System.Numerics.Tensors.TensorPrimitives.Add(buffer, increment.Data, buffer);
        else increment.Data.AsSpan().CopyTo(buffer);
    }
}

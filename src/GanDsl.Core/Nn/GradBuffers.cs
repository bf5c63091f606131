using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>Resetting accumulated gradients without giving their buffers back to the garbage collector.</summary>
internal static class GradBuffers
{
    public static void Zero(Tensor parameter)
    {
        if (parameter.Grad is { GradFn: null } grad) Array.Clear(grad.Data);
        else parameter.Grad = null; // a gradient with a graph (createGraph) is dropped, not mutated
    }
}

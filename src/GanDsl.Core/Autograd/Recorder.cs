using GanDsl.Tensors;

namespace GanDsl.Autograd;

/// <summary>Attaches a backward rule to an op's result when grad mode is on and an input needs a gradient.</summary>
internal static class Recorder
{
    public static Tensor Record(Tensor result, string name, Tensor[] inputs, BackwardRule backward)
    {
        if (!GradMode.IsEnabled) return result;
        bool anyRequires = false;
        foreach (var input in inputs) anyRequires |= input.RequiresGrad;
        if (!anyRequires) return result;
        result.RequiresGrad = true;
        result.GradFn = new FunctionNode(name, inputs, backward);
        return result;
    }

    // One- and two-input ops, most of a step's, get nodes of their own: recording one allocates only the node.
    public static Tensor Record(Tensor result, string name, Tensor input, Func<Tensor, Tensor?> backward)
    {
        if (!GradMode.IsEnabled || !input.RequiresGrad) return result;
        result.RequiresGrad = true;
        result.GradFn = new UnaryNode(name, input, backward);
        return result;
    }

    public static Tensor Record(Tensor result, string name, Tensor a, Tensor b, Func<Tensor, (Tensor?, Tensor?)> backward)
    {
        if (!GradMode.IsEnabled || !(a.RequiresGrad || b.RequiresGrad)) return result;
        result.RequiresGrad = true;
        result.GradFn = new BinaryNode(name, a, b, backward);
        return result;
    }
}

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

    public static Tensor Record(Tensor result, string name, Tensor input, Func<Tensor, Tensor?> backward) =>
        Record(result, name, new[] { input }, g => new[] { backward(g) });

    public static Tensor Record(Tensor result, string name, Tensor a, Tensor b, Func<Tensor, (Tensor?, Tensor?)> backward) =>
        Record(result, name, new[] { a, b }, g =>
        {
            var (ga, gb) = backward(g);
            return new[] { a.RequiresGrad ? ga : null, b.RequiresGrad ? gb : null };
        });
}

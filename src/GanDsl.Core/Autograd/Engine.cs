using GanDsl.Tensors;

namespace GanDsl.Autograd;

/// <summary>Reverse-mode differentiation over the graph recorded by <see cref="Ops"/>.</summary>
public static class Engine
{
    /// <summary>
    /// Accumulates d(root)/d(leaf) into the <see cref="Tensor.Grad"/> of every leaf that requires a gradient.
    /// With <paramref name="createGraph"/> the gradients are themselves differentiable (gradient penalty, R1).
    /// </summary>
    public static void Backward(Tensor root, Tensor? gradOutput = null, bool createGraph = false)
    {
        var work = Workspace.Rent();
        bool inPlace = _writesLeafGradientsInPlace;
        try
        {
            _writesLeafGradientsInPlace = !createGraph;
            Propagate(work, root, gradOutput, createGraph, "Backward");
            using var _ = GradMode.Set(createGraph);
            AccumulateIntoLeaves(work.Grads, createGraph);
        }
        finally
        {
            _writesLeafGradientsInPlace = inPlace;
            Workspace.Return(work);
        }
    }

    [ThreadStatic] private static bool _writesLeafGradientsInPlace;

    /// <summary>
    /// True while <see cref="Backward"/> runs without createGraph: a backward rule may then add a leaf's gradient straight
    /// into its <see cref="Tensor.Grad"/> (<see cref="Tensor.GradTarget"/>) and return null for it. Off inside <see cref="Grad"/>,
    /// which must leave every Grad alone.
    /// </summary>
    internal static bool WritesLeafGradientsInPlace => _writesLeafGradientsInPlace;

    private static void AccumulateIntoLeaves(Dictionary<Tensor, Tensor> grads, bool createGraph)
    {
        foreach (var (tensor, grad) in grads)
        {
            if (!tensor.IsLeaf || !tensor.RequiresGrad) continue;
            if (!createGraph) tensor.AccumulateGrad(grad);
            else tensor.Grad = tensor.Grad is null ? grad : Ops.Add(tensor.Grad, grad);
        }
    }

    /// <summary>
    /// The gradients of <paramref name="output"/> with respect to <paramref name="inputs"/> (like <c>torch.autograd.grad</c>),
    /// without touching any <see cref="Tensor.Grad"/>. An input the output does not depend on gets zeros.
    /// </summary>
    public static Tensor[] Grad(Tensor output, IReadOnlyList<Tensor> inputs, bool createGraph = false, Tensor? gradOutput = null)
    {
        var work = Workspace.Rent();
        bool inPlace = _writesLeafGradientsInPlace;
        try
        {
            _writesLeafGradientsInPlace = false;
            Propagate(work, output, gradOutput, createGraph, "Grad");
            var result = new Tensor[inputs.Count];
            for (int i = 0; i < inputs.Count; i++)
                result[i] = work.Grads.TryGetValue(inputs[i], out var g) ? g : Tensor.Pooled(inputs[i].Shape);
            return result;
        }
        finally
        {
            _writesLeafGradientsInPlace = inPlace;
            Workspace.Return(work);
        }
    }

    private static void Propagate(Workspace work, Tensor root, Tensor? gradOutput, bool createGraph, string caller)
    {
        if (!root.RequiresGrad)
            throw new InvalidOperationException(
                $"{caller}: the tensor of shape {root.Shape} does not require a gradient; make sure a parameter or input with RequiresGrad = true reaches it and that it was not computed under NoGrad.");
        if (gradOutput is null && root.Size != 1)
            throw new InvalidOperationException(
                $"{caller}: backward needs a scalar output but the tensor has shape {root.Shape}; reduce it with Sum or Mean first, or pass a gradient of shape {root.Shape}.");
        if (gradOutput is not null && gradOutput.Shape != root.Shape)
            throw new ArgumentException($"{caller}: the output has shape {root.Shape} but the given gradient has shape {gradOutput.Shape}.");

        var grads = work.Grads;
        grads[root] = gradOutput ?? Tensor.Full(1f, root.Shape.ToArray());
        foreach (var node in TopologicalOrder(work, root))
        {
            if (!grads.TryGetValue(node, out var g)) continue;
            var fn = node.GradFn!;
            var inputGrads = fn.Backward(g, createGraph);
            for (int i = 0; i < fn.Inputs.Count; i++)
            {
                var input = fn.Inputs[i];
                var ig = inputGrads[i];
                if (ig is null || !input.RequiresGrad) continue;
                if (ig.Shape != input.Shape)
                    throw new InvalidOperationException($"Internal error: {fn.Name} produced a gradient of shape {ig.Shape} for an input of shape {input.Shape}.");
                if (grads.TryGetValue(input, out var existing))
                {
                    using var _ = GradMode.Set(createGraph);
                    grads[input] = Ops.Add(existing, ig);
                }
                else
                {
                    grads[input] = ig;
                }
            }
        }
    }

    /// <summary>Non-leaf tensors reachable from the root, each listed before any tensor it was computed from.</summary>
    private static List<Tensor> TopologicalOrder(Workspace work, Tensor root)
    {
        var order = work.Order;
        var visited = work.Visited;
        var stack = work.Stack;
        if (root.GradFn is null) return order;
        stack.Push((root, 0));
        visited.Add(root);
        while (stack.Count > 0)
        {
            var (t, next) = stack.Pop();
            var inputs = t.GradFn!.Inputs;
            if (next < inputs.Count)
            {
                stack.Push((t, next + 1));
                var child = inputs[next];
                if (child.GradFn is not null && child.RequiresGrad && visited.Add(child)) stack.Push((child, 0));
            }
            else
            {
                order.Add(t); // post-order: inputs first
            }
        }
        order.Reverse();
        return order;
    }

    /// <summary>The collections of one backward pass, reused across passes (a backward may run another one inside: batch norm's createGraph rule).</summary>
    private sealed class Workspace
    {
        [ThreadStatic] private static Stack<Workspace>? _free;

        public readonly Dictionary<Tensor, Tensor> Grads = new(ReferenceEqualityComparer.Instance);
        public readonly List<Tensor> Order = new();
        public readonly HashSet<Tensor> Visited = new(ReferenceEqualityComparer.Instance);
        public readonly Stack<(Tensor Tensor, int NextInput)> Stack = new();

        public static Workspace Rent() => _free is { Count: > 0 } free ? free.Pop() : new Workspace();

        public static void Return(Workspace work)
        {
            work.Grads.Clear();
            work.Order.Clear();
            work.Visited.Clear();
            work.Stack.Clear();
            (_free ??= new Stack<Workspace>()).Push(work);
        }
    }
}

using GanDsl.Tensors;

namespace GanDsl.Autograd;

/// <summary>The backward rule of one recorded op: maps the output gradient to one gradient per input.</summary>
public delegate Tensor?[] BackwardRule(Tensor gradOutput);

/// <summary>A recorded op: its inputs and the closure that computes their gradients.</summary>
internal sealed class FunctionNode : GradFunction
{
    private readonly Tensor[] _inputs;
    private readonly BackwardRule _backward;

    public FunctionNode(string name, Tensor[] inputs, BackwardRule backward)
    {
        Name = name;
        _inputs = inputs;
        _backward = backward;
    }

    public override string Name { get; }
    public override IReadOnlyList<Tensor> Inputs => _inputs;

    public override Tensor?[] Backward(Tensor gradOutput, bool createGraph)
    {
        using var _ = GradMode.Set(createGraph);
        return _backward(gradOutput);
    }
}

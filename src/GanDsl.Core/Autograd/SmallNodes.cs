using System.Collections;
using GanDsl.Tensors;

namespace GanDsl.Autograd;

/// <summary>
/// The node of a one-input op. It is its own <see cref="GradFunction.Inputs"/> list, so recording the op allocates this
/// object alone (a training step records hundreds of ops, and the bench holds a step under 64 KiB of allocations).
/// </summary>
internal sealed class UnaryNode(string name, Tensor input, Func<Tensor, Tensor?> backward) : GradFunction, IReadOnlyList<Tensor>
{
    public override string Name { get; } = name;
    public override IReadOnlyList<Tensor> Inputs => this;

    public override Tensor?[] Backward(Tensor gradOutput, bool createGraph)
    {
        using var _ = GradMode.Set(createGraph);
        return new[] { backward(gradOutput) };
    }

    public int Count => 1;
    public Tensor this[int index] => index == 0 ? input : throw new ArgumentOutOfRangeException(nameof(index));
    public IEnumerator<Tensor> GetEnumerator() { yield return input; }
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>The node of a two-input op, its own inputs list as <see cref="UnaryNode"/> is; no gradient flows to an input that needs none.</summary>
internal sealed class BinaryNode(string name, Tensor a, Tensor b, Func<Tensor, (Tensor?, Tensor?)> backward) : GradFunction, IReadOnlyList<Tensor>
{
    public override string Name { get; } = name;
    public override IReadOnlyList<Tensor> Inputs => this;

    public override Tensor?[] Backward(Tensor gradOutput, bool createGraph)
    {
        using var _ = GradMode.Set(createGraph);
        var (ga, gb) = backward(gradOutput);
        return new[] { a.RequiresGrad ? ga : null, b.RequiresGrad ? gb : null };
    }

    public int Count => 2;
    public Tensor this[int index] => index switch { 0 => a, 1 => b, _ => throw new ArgumentOutOfRangeException(nameof(index)) };
    public IEnumerator<Tensor> GetEnumerator() { yield return a; yield return b; }
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

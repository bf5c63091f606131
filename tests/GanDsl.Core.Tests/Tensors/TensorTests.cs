using GanDsl.Autograd;
using GanDsl.Tensors;

namespace GanDsl.Core.Tests.Tensors;

public class TensorTests
{
    [Fact]
    public void Detach_cuts_the_graph_but_shares_the_buffer_while_Clone_copies_it()
    {
        var w = Tensor.Full(3f, 4).RequireGrad();
        var y = Ops.Mul(w, w);

        var detached = y.Detach();
        Assert.True(detached.IsLeaf);
        Assert.False(detached.RequiresGrad);
        Assert.Same(y.Data, detached.Data);
        detached.Data[0] = -1f;
        Assert.Equal(-1f, y.Data[0]);

        var clone = y.Clone();
        Assert.NotSame(y.Data, clone.Data);
        Assert.Equal(y.Data, clone.Data);
    }
}

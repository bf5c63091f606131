using GanDsl.Autograd;
using GanDsl.Tensors;

namespace GanDsl.Core.Tests.Tensors;

public class BufferScopeTests
{
    [Fact]
    public void Op_results_reuse_buffers_after_their_scope_ends_but_public_tensors_never_do()
    {
        var x = Tensor.Full(2f, 64);
        float[] first;
        using (BufferScope.Begin()) first = Ops.Mul(x, x).Data;
        float[] second;
        using (BufferScope.Begin())
        {
            var y = Ops.Mul(x, x);
            second = y.Data;
            Assert.All(y.Data, v => Assert.Equal(4f, v)); // a reused buffer is filled afresh
        }
        Assert.Same(first, second);
        using (BufferScope.Begin())
        {
            var persistent = Tensor.Zeros(64);
            Assert.NotSame(first, persistent.Data);
        }
    }

    [Fact]
    public void A_max_pools_index_map_is_recycled_with_its_scope_and_its_gradient_still_routes_to_each_maximum()
    {
        // The pool's index map lives as long as the step's tensors: recycled for the next scope, not shared inside one.
        int[] Indices() { using (BufferScope.Begin()) return BufferScope.RentIndices(32); }
        Assert.Same(Indices(), Indices());
        using (BufferScope.Begin())
        {
            Assert.NotSame(BufferScope.RentIndices(32), BufferScope.RentIndices(32));
            var x = Tensor.FromArray([1f, 5f, 2f, 0f, 7f, 3f, 4f, 6f], 1, 2, 2, 2);
            x.RequiresGrad = true;
            var y = Ops.MaxPool2d(x, 2);
            Engine.Backward(Ops.Sum(y));
            Assert.Equal([5f, 7f], y.Data);
            Assert.Equal([0f, 1f, 0f, 0f, 1f, 0f, 0f, 0f], x.Grad!.Data);
        }
    }

    [Fact]
    public void Outside_a_scope_every_result_gets_its_own_buffer()
    {
        var x = Tensor.Full(1f, 8);
        Assert.NotSame(Ops.Neg(x).Data, Ops.Neg(x).Data);
        Assert.False(BufferScope.IsActive);
    }

    [Fact]
    public void A_warm_scope_begins_rents_and_ends_without_allocating()
    {
        static void Step()
        {
            using (BufferScope.Begin())
            {
                BufferScope.Rent(64);
                BufferScope.Rent(64, clear: false);
                BufferScope.RentIndices(64);
                using (BufferScope.Begin()) BufferScope.Rent(16);
            }
        }

        // Tiered compilation may allocate on this thread while it promotes these methods: look for a clean round after
        // warm-up; a per-scope allocation would dirty every round.
        var rounds = new List<long>();
        for (int round = 0; round < 40 && rounds is not [.., 0]; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++) Step();
            rounds.Add(GC.GetAllocatedBytesForCurrentThread() - before);
        }
        Assert.True(rounds[^1] == 0, $"Every round of scopes allocated: {string.Join(", ", rounds)} bytes.");
        Assert.False(BufferScope.IsActive);
    }

    [Fact]
    public void Scopes_disposed_out_of_order_are_refused()
    {
        var outer = BufferScope.Begin();
        var inner = BufferScope.Begin();
        Assert.Throws<InvalidOperationException>(() => outer.Dispose());
        inner.Dispose();
        outer.Dispose();
        Assert.False(BufferScope.IsActive);
    }

    [Fact]
    public void Leaf_gradients_outlive_the_scope_of_the_backward_pass()
    {
        var w = Tensor.Full(3f, 4).RequireGrad();
        using (BufferScope.Begin()) Engine.Backward(Ops.Sum(Ops.Mul(w, w)));
        using (BufferScope.Begin()) Ops.Scale(Tensor.Full(9f, 4), 100f); // would overwrite a recycled gradient buffer
        Assert.All(w.Grad!.Data, v => Assert.Equal(6f, v));
    }
}

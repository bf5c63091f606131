using GanDsl.Autograd;
using GanDsl.Tensors;

namespace GanDsl.Core.Tests.Autograd;

public class EngineTests
{
    [Fact]
    public void Backward_accumulates_into_leaf_gradients_across_calls()
    {
        var w = Tensor.FromArray(new[] { 2f, 3f }, 2).RequireGrad();
        Engine.Backward(Ops.Sum(Ops.Mul(w, w)));
        Engine.Backward(Ops.Sum(w));
        Assert.Equal(new[] { 2 * 2f + 1, 2 * 3f + 1 }, w.Grad!.Data);
    }

    [Fact]
    public void Zeroed_gradients_read_as_zeros_keep_their_buffer_and_the_next_backward_starts_from_zero()
    {
        var w = Tensor.FromArray(new[] { 2f, 3f }, 2).RequireGrad();
        var opt = new GanDsl.Nn.Optimizers.Sgd(new[] { w }, 0.1f);
        Engine.Backward(Ops.Sum(Ops.Mul(w, w)));
        var buffer = w.Grad!.Data;

        opt.ZeroGrad(); // deferred: nothing is cleared until the gradient is read or written
        Engine.Backward(Ops.Sum(w));
        Assert.Equal(new[] { 1f, 1f }, w.Grad!.Data); // overwritten, not added to the stale 4, 6
        Engine.Backward(Ops.Sum(w));
        Assert.Equal(new[] { 2f, 2f }, w.Grad!.Data); // later passes add as before

        opt.ZeroGrad();
        Assert.Equal(new[] { 0f, 0f }, w.Grad!.Data); // a read sees zeros
        Assert.Same(buffer, w.Grad!.Data);
    }

    [Fact]
    public void A_tensor_used_twice_receives_both_gradients()
    {
        var x = Tensor.FromArray(new[] { 3f }, 1).RequireGrad();
        var y = Ops.Add(Ops.Mul(x, x), x); // 2x + 1 = 7
        Engine.Backward(Ops.Sum(y));
        Assert.Equal(7f, x.Grad!.Data[0]);
    }

    [Fact]
    public void No_grad_records_nothing_and_detach_cuts_the_graph()
    {
        var w = Tensor.FromArray(new[] { 1f }, 1).RequireGrad();
        using (GradMode.NoGrad())
        {
            var y = Ops.Mul(w, w);
            Assert.False(y.RequiresGrad);
            Assert.Null(y.GradFn);
        }
        var detached = Ops.Mul(w, w).Detach();
        Assert.False(detached.RequiresGrad);
        Assert.True(GradMode.IsEnabled);
    }

    [Fact]
    public void Grad_does_not_touch_leaf_gradients()
    {
        var x = Tensor.FromArray(new[] { 2f }, 1).RequireGrad();
        var g = Engine.Grad(Ops.Sum(Ops.Mul(x, x)), new[] { x });
        Assert.Equal(4f, g[0].Data[0]);
        Assert.Null(x.Grad);
    }

    [Fact]
    public void Backward_from_a_non_scalar_names_the_shape_and_the_fix()
    {
        var x = Tensor.Zeros(2, 3).RequireGrad();
        var ex = Assert.Throws<InvalidOperationException>(() => Engine.Backward(Ops.Tanh(x)));
        Assert.Contains("scalar", ex.Message);
        Assert.Contains("[2, 3]", ex.Message);
        Assert.Contains("Sum or Mean", ex.Message);
    }

    [Fact]
    public void Backward_from_a_tensor_without_grad_explains_why()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Engine.Backward(Tensor.Scalar(1f)));
        Assert.Contains("does not require a gradient", ex.Message);
    }

    [Fact]
    public void A_tensor_given_the_wrong_number_of_values_names_both_sizes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tensor.FromArray(new float[5], 2, 3));
        Assert.Contains("[2, 3]", ex.Message);
        Assert.Contains("5", ex.Message);
    }
}

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

    [Theory]
    [InlineData(5, 7, 3)]      // small enough for the direct multiply
    [InlineData(128, 300, 64)] // the packed, threaded GEMM
    public void Weight_gradients_multiplied_straight_into_Grad_match_Engine_Grad(int batch, int fanIn, int fanOut)
    {
        var rng = new Rng(2);
        var x1 = new Tensor(new Shape(batch, fanIn));
        var x2 = new Tensor(new Shape(batch, fanIn));
        var w = new Tensor(new Shape(fanOut, fanIn)) { RequiresGrad = true };
        rng.FillNormal(x1.Data);
        rng.FillNormal(x2.Data);
        rng.FillNormal(w.Data);
        // w is used twice, as a discriminator's weight is on real and on fake images.
        Tensor Loss() => Ops.Sum(Ops.Mul(Ops.Add(Ops.Linear(x1, w), Ops.Linear(x2, w)), Ops.Linear(x1, w)));

        var expected = Engine.Grad(Loss(), new[] { w })[0].Data.ToArray();
        Assert.Null(w.Grad); // Grad leaves leaf gradients alone, even for a weight
        // The in-place path may add the three contributions in another association (the direct multiply accumulates into
        // C), so values agree to float rounding of the sums, not bit for bit.
        float tolerance = 1e-5f * expected.Max(Math.Abs);
        void AssertGradIs(float factor)
        {
            for (int i = 0; i < expected.Length; i++) Assert.Equal(factor * expected[i], w.Grad!.Data[i], factor * tolerance);
        }

        Engine.Backward(Loss());
        AssertGradIs(1);
        Engine.Backward(Loss()); // a second pass adds
        AssertGradIs(2);
        new GanDsl.Nn.Optimizers.Sgd(new[] { w }, 0.1f).ZeroGrad();
        Engine.Backward(Loss()); // after zeroing the pass starts again from zero
        AssertGradIs(1);
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
    public void One_and_two_input_nodes_list_their_inputs_in_order_and_give_no_gradient_to_a_constant()
    {
        var w = Tensor.FromArray(new[] { 2f, 3f }, 2).RequireGrad();
        var c = Tensor.FromArray(new[] { 5f, 7f }, 2);
        var product = Ops.Mul(c, w);
        var square = Ops.Tanh(product);
        Assert.Equal(new[] { c, w }, product.GradFn!.Inputs);
        Assert.Equal(2, product.GradFn.Inputs.Count);
        Assert.Same(w, product.GradFn.Inputs[1]);
        Assert.Equal(new[] { product }, square.GradFn!.Inputs);
        Assert.Throws<ArgumentOutOfRangeException>(() => square.GradFn.Inputs[1]);
        var grads = product.GradFn.Backward(Tensor.FromArray(new[] { 1f, 1f }, 2), createGraph: false);
        Assert.Null(grads[0]);                       // c needs no gradient
        Assert.Equal(new[] { 5f, 7f }, grads[1]!.Data);
        Assert.Null(Ops.Tanh(c).GradFn);             // nothing to differentiate: no node at all
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

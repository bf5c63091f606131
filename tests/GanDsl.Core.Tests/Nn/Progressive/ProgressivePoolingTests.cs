using CsCheck;
using GanDsl.Autograd;
using GanDsl.Nn.Progressive;
using GanDsl.Tensors;
using GanDsl.Tests;

namespace GanDsl.Core.Tests.Nn.Progressive;

public class ProgressivePoolingTests
{
    [Fact]
    public void Average_pooling_averages_each_window_and_spreads_the_gradient_evenly()
    {
        var x = Tensor.FromArray(Enumerable.Range(0, 16).Select(i => (float)i).ToArray(), 1, 1, 4, 4).RequireGrad();
        var y = ProgressivePooling.AvgPool2d(x, 2);
        Assert.Equal(new Shape(1, 1, 2, 2), y.Shape);
        Assert.Equal(new[] { 2.5f, 4.5f, 10.5f, 12.5f }, y.Data);

        var weights = Tensor.FromArray([1f, 2f, 3f, 4f], 1, 1, 2, 2);
        Engine.Backward(Ops.Sum(Ops.Mul(y, weights)));
        Assert.Equal(new[] { .25f, .25f, .5f, .5f, .25f, .25f, .5f, .5f, .75f, .75f, 1f, 1f, .75f, .75f, 1f, 1f }, x.Grad!.Data);
    }

    [Fact]
    public void Pooling_an_upsampled_image_gives_it_back() =>
        Gen.Select(Sized.PositiveInt, Sized.PositiveInt).ForAll((factorSeed, seed) =>
    {
        int f = factorSeed % 4 + 1;
        var x = new Tensor(new Shape(2, 3, 3, 2));
        new Rng((ulong)seed).FillNormal(x.Data);
        var back = ProgressivePooling.AvgPool2d(ProgressivePooling.Upsample(x, f), f);
        return back.Data.Zip(x.Data, (a, b) => MathF.Abs(a - b) <= 1e-5f * (1 + MathF.Abs(b))).All(ok => ok);
    }, iter: 100);

    [Fact]
    public void Average_pooling_refuses_a_size_the_factor_does_not_divide()
    {
        var ex = Assert.Throws<ArgumentException>(() => ProgressivePooling.AvgPool2d(new Tensor(new Shape(1, 1, 5, 4)), 2));
        Assert.Contains("not divisible by the factor 2", ex.Message);
    }
}

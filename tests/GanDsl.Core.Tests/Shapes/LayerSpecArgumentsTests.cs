using GanDsl.Shapes;

namespace GanDsl.Core.Tests.Shapes;

public class LayerSpecArgumentsTests
{
    [Fact]
    public void Arguments_list_every_declared_value_in_order_by_its_parameter_name()
    {
        var conv = LayerSpec.ConvTranspose2d(64, 4, 2, 1, bias: false);
        Assert.Equal(new[] { "outChannels", "kernelSize", "stride", "padding", "outputPadding", "bias", "spectralNorm" }, conv.Arguments.Select(a => a.Key));
        Assert.Equal(new object[] { 64, 4, 2, 1, 0, false, false }, conv.Arguments.Select(a => a.Value));
        Assert.Equal(4, conv.Get<int>("kernelSize"));
        Assert.False(conv.Get<bool>("bias"));
    }

    [Fact]
    public void Get_returns_a_copy_of_a_list_and_refuses_an_unknown_name_or_type()
    {
        var reshape = LayerSpec.Reshape(1, 28, 28);
        var dims = reshape.Get<int[]>("dims");
        dims[0] = 99;
        Assert.Equal(new[] { 1, 28, 28 }, reshape.Get<int[]>("dims"));
        Assert.Equal(0.2, LayerSpec.LeakyReLU(0.2).Get<double>("negativeSlope"));
        Assert.Equal("Linear has no argument kernelSize.", Assert.Throws<ArgumentException>(() => LayerSpec.Linear(3).Get<int>("kernelSize")).Message.Split(" (Parameter")[0]);
        Assert.Equal("Linear's argument bias is not a Int32.", Assert.Throws<ArgumentException>(() => LayerSpec.Linear(3).Get<int>("bias")).Message.Split(" (Parameter")[0]);
    }
}

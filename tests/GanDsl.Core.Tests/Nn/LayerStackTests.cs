using GanDsl.Nn;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Core.Tests.Nn;

public class LayerStackTests
{
    [Fact]
    public void Widths_are_inferred_from_the_previous_layer_and_match_the_shape_rules()
    {
        var layers = new[]
        {
            LayerSpec.Conv2d(8, 3, 1, 1), LayerSpec.BatchNorm2d(), LayerSpec.ReLU(), LayerSpec.MaxPool2d(2),
            LayerSpec.Flatten(), LayerSpec.Linear(10), LayerSpec.Dropout(0.3), LayerSpec.Linear(1), LayerSpec.Sigmoid(),
        };
        var net = LayerStack.Build(new[] { 1, 28, 28 }, layers);
        var y = net.Forward(Tensor.Zeros(4, 1, 28, 28));
        Assert.Equal(new Shape(4, 1), y.Shape);
        var inferred = ShapeInference.InferStack(new[] { 1, 28, 28 }, layers);
        Assert.Equal(inferred.Output, y.Shape.ToArray().Skip(1));
        Assert.Equal(8 * 9 + 8 + 8 + 8 + (8 * 14 * 14) * 10 + 10 + 10 + 1, net.ParameterElementCount());
    }

    [Fact]
    public void A_layer_that_needs_a_flat_input_is_reported_in_the_compilers_words()
    {
        var ex = Assert.Throws<ShapeMismatchException>(() =>
            LayerStack.Build(new[] { 1, 28, 28 }, LayerSpec.Conv2d(64, 4, 2, 1), LayerSpec.Conv2d(64, 4, 2, 1), LayerSpec.Linear(512)));
        Assert.Equal("Linear(512) at layer 3 needs a flat input but receives [64, 7, 7] from Conv2d at layer 2; add [Flatten]", ex.Message.TrimEnd('.'));
    }
}

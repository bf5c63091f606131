using CsCheck;
using GanDsl.Shapes;
using GanDsl.Tests;

namespace GanDsl.Core.Tests.Shapes;

public class ShapeInferenceTests
{
    [Fact]
    public void Infers_the_vanilla_generator_shapes()
    {
        var shapes = ShapeInference.InferStack(new[] { 100 },
            new[] { LayerSpec.Linear(256), LayerSpec.LeakyReLU(0.2), LayerSpec.Linear(784), LayerSpec.Tanh(), LayerSpec.Reshape(1, 28, 28) });

        Assert.True(shapes.IsValid);
        Assert.Equal(new[] { 1, 28, 28 }, shapes.Output);
        Assert.Equal(new[] { 256 }, shapes.Outputs[1]);
    }

    [Theory]
    [InlineData(28, 4, 2, 1, 14)]
    [InlineData(7, 3, 1, 1, 7)]
    [InlineData(5, 5, 1, 0, 1)]
    [InlineData(10, 3, 3, 0, 3)]
    public void Conv2d_output_follows_pytorch(int size, int kernel, int stride, int padding, int expected)
    {
        var result = ShapeInference.Infer(LayerSpec.Conv2d(8, kernel, stride, padding), new[] { 3, size, size }, 0, "the input");

        Assert.Equal(new[] { 8, expected, expected }, result.Output);
    }

    [Theory]
    [InlineData(1, 4, 1, 0, 0, 4)]
    [InlineData(7, 4, 2, 1, 0, 14)]
    [InlineData(7, 3, 2, 1, 1, 14)]
    public void ConvTranspose2d_output_follows_pytorch(int size, int kernel, int stride, int padding, int outputPadding, int expected)
    {
        var result = ShapeInference.Infer(LayerSpec.ConvTranspose2d(8, kernel, stride, padding, outputPadding), new[] { 3, size, size }, 0, "the input");

        Assert.Equal(new[] { 8, expected, expected }, result.Output);
    }

    [Fact]
    public void Flat_layer_after_convolution_names_both_layers()
    {
        var shapes = ShapeInference.InferStack(new[] { 1, 28, 28 },
            new[] { LayerSpec.Conv2d(64, 4, 2, 1), LayerSpec.Conv2d(64, 3, 2, 1), LayerSpec.Linear(512) });

        Assert.Equal(ShapeErrorKind.RankMismatch, shapes.Error!.Kind);
        Assert.Equal(2, shapes.Error.LayerIndex);
        Assert.Equal("Linear(512) at layer 3 needs a flat input but receives [64, 7, 7] from Conv2d at layer 2; add [Flatten]", shapes.Error.Message);
    }

    [Fact]
    public void Reshape_with_wrong_count_is_an_error()
    {
        var result = ShapeInference.Infer(LayerSpec.Reshape(2, 3), new[] { 7 }, 4, "Linear at layer 4");

        Assert.Equal(ShapeErrorKind.ReshapeCount, result.Error!.Kind);
        Assert.Equal("Reshape(2, 3) at layer 5 needs 6 elements but receives [7] (7 elements) from Linear at layer 4; make the dimensions multiply to 7", result.Error.Message);
    }

    [Theory]
    [InlineData(0.0, true)]
    [InlineData(0.99, true)]
    [InlineData(1.0, false)]
    [InlineData(-0.01, false)]
    [InlineData(double.NaN, false)]
    public void Dropout_probability_must_be_in_unit_interval(double p, bool valid)
    {
        Assert.Equal(valid, LayerValidation.Validate(LayerSpec.Dropout(p), 0) is null);
    }

    [Fact]
    public void Output_padding_must_be_smaller_than_stride()
    {
        var error = LayerValidation.Validate(LayerSpec.ConvTranspose2d(4, 3, 2, 1, 2), 0);

        Assert.Equal("ConvTranspose2d(4, 3, 2, 1, 2) at layer 1 needs output_padding smaller than stride 2 but has 2; lower output_padding or raise the stride", error!.Message);
    }

    [Fact]
    public void Activations_and_dropout_keep_any_shape() =>
        Gen.Int[1, 50].Array[3].ForAll(dims =>
            new[] { LayerSpec.ReLU(), LayerSpec.Tanh(), LayerSpec.Sigmoid(), LayerSpec.LeakyReLU(0.1), LayerSpec.Dropout(0.2) }
                .All(l => ShapeInference.Infer(l, dims, 0, "the input").Output!.SequenceEqual(dims)), iter: 200);

    [Fact]
    public void Flatten_keeps_the_element_count() =>
        Gen.Int[1, 40].Array[3].ForAll(dims =>
            ShapeInference.Infer(LayerSpec.Flatten(), dims, 0, "the input").Output!.Single() == dims[0] * dims[1] * dims[2], iter: 200);

    [Fact]
    public void Conv_output_is_positive_exactly_when_the_kernel_fits() =>
        Gen.Select(Gen.Int[1, 20], Gen.Int[1, 9], Gen.Int[0, 3]).ForAll((size, kernel, padding) =>
        {
            var result = ShapeInference.Infer(LayerSpec.Conv2d(2, kernel, 1, padding), new[] { 1, size, size }, 0, "the input");
            bool fits = size + 2 * padding >= kernel;
            return fits ? result.Output![1] == size + 2 * padding - kernel + 1 : result.Error!.Kind == ShapeErrorKind.KernelTooLarge;
        }, iter: 200);

    [Fact]
    public void Layer_spec_equality_is_structural()
    {
        Assert.Equal(LayerSpec.Reshape(1, 28, 28), LayerSpec.Reshape(1, 28, 28));
        Assert.NotEqual(LayerSpec.Reshape(1, 28, 28), LayerSpec.Reshape(28, 28, 1));
        Assert.Equal(LayerSpec.MaxPool2d(2), LayerSpec.MaxPool2d(2, 2));
        Assert.NotEqual(LayerSpec.Linear(4), LayerSpec.Linear(4, bias: false));
    }
}

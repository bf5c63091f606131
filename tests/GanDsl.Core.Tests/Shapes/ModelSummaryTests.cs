using GanDsl.Shapes;

namespace GanDsl.Core.Tests.Shapes;

/// <summary>torchinfo 1.8 counting rules; full tables are snapshot-tested in GanDsl.Generators.Tests/SummaryTests.</summary>
public class ModelSummaryTests
{
    [Fact]
    public void Linear_counts_weight_and_bias_and_mult_adds_scale_with_batch()
    {
        var summary = ModelSummary.Of(new[] { 10 }, LayerSpec.Linear(5), LayerSpec.Linear(3, bias: false));

        Assert.Equal(55 + 15, summary.TotalParams);
        Assert.Equal(8 * 70, summary.TotalMultAdds(8));
    }

    [Fact]
    public void Convolutions_count_params_times_output_pixels_transposed_included()
    {
        // Conv2d(3->4, k3, p1) on 8x8: 112 params x (N=2 x 8 x 8); ConvTranspose2d(4->2, k2, s2): 34 params x (2 x 16 x 16).
        var summary = ModelSummary.Of(new[] { 3, 8, 8 }, LayerSpec.Conv2d(4, 3, 1, 1), LayerSpec.ConvTranspose2d(2, 2, 2));

        Assert.Equal(112 + 34, summary.TotalParams);
        Assert.Equal(112L * 2 * 64 + 34L * 2 * 256, summary.TotalMultAdds(2));
    }

    [Fact]
    public void Batch_norm_counts_two_params_per_channel_times_batch()
    {
        var summary = ModelSummary.Of(new[] { 6, 4, 4 }, LayerSpec.BatchNorm2d());

        Assert.Equal(12, summary.TotalParams);
        Assert.Equal(12 * 5, summary.TotalMultAdds(5));
    }

    [Fact]
    public void Forward_backward_size_counts_twice_the_outputs_of_layers_with_params_only()
    {
        var summary = ModelSummary.Of(new[] { 10 }, LayerSpec.Linear(100), LayerSpec.ReLU(), LayerSpec.Linear(50));

        Assert.Equal(2L * 4 * 3 * (100 + 50), summary.ForwardBackwardBytes(3));
    }

    [Theory]
    [InlineData(999_999L, " (M): 1.00")]
    [InlineData(1_000_000L, " (M): 1")]
    [InlineData(95_126_528L, " (M): 95.13")]
    [InlineData(2_500L, " (M): 0.00")]
    [InlineData(10_613_276_672L, " (G): 10.61")]
    [InlineData(1_234_567_890_123L, " (T): 1.23")]
    [InlineData(3_000_000_000_000L, " (T): 3")]
    public void Mult_adds_use_torchinfo_units(long macs, string expected)
    {
        Assert.Equal(expected, ModelSummary.MultAddsText(macs));
    }

    [Fact]
    public void Fixed_two_decimals_round_ties_to_even_like_python()
    {
        Assert.Equal("0.12", PyFormat.Fixed2(0.125));
        Assert.Equal("0.38", PyFormat.Fixed2(0.375));
        Assert.Equal("1.00", PyFormat.Fixed2(1.005)); // 1.005 is just below the tie in binary
        Assert.Equal("1,234.57", PyFormat.GroupedFixed2(1234.567));
    }

    [Fact]
    public void Table_has_torchinfo_rows_and_width()
    {
        var lines = ModelSummary.Of(new[] { 4 }, LayerSpec.Linear(2), LayerSpec.Sigmoid()).ToString(1).Split('\n');

        Assert.Equal(new string('=', 90), lines[0]);
        Assert.Equal("Layer (type:depth-idx)                   Output Shape              Param #", lines[1]);
        Assert.Equal("Sequential                               [1, 2]                    --", lines[3]);
        Assert.Equal("├─Linear: 1-1                            [1, 2]                    10", lines[4]);
        Assert.Equal("├─Sigmoid: 1-2                           [1, 2]                    --", lines[5]);
        Assert.Equal("Total params: 10", lines[7]);
        Assert.Equal("Total mult-adds (M): 0.00", lines[10]);
    }

    [Fact]
    public void Invalid_stack_is_rejected_with_the_shape_message()
    {
        var e = Assert.Throws<ArgumentException>(() => ModelSummary.Of(new[] { 1, 28, 28 }, LayerSpec.Linear(4)));
        Assert.StartsWith("Linear(4) at layer 1 needs a flat input but receives [1, 28, 28] from the input; add [Flatten]", e.Message);
    }
}

using GanDsl.Images.Tests.Support;

namespace GanDsl.Images.Tests;

/// <summary>
/// Scaling and cropping against pixel values worked out by hand: area averages when shrinking (by 2 and by 1.5),
/// bilinear with half-pixel centres when enlarging, the cover size and the centre-crop offset.
/// </summary>
public class ResizeTests
{
    [Fact]
    public void Shrinking_by_two_averages_each_two_by_two_block()
    {
        byte[] file = PngFile.Bytes8(4, 4, PngFile.Gray,
            0, 10, 100, 101,
            20, 30, 102, 103,
            255, 255, 1, 2,
            254, 254, 3, 3);
        // (0+10+20+30)/4 = 15; (100+101+102+103)/4 = 101.5 -> 102 (half up); (255+255+254+254)/4 = 254.5 -> 255; 9/4 -> 2.
        Assert.Equal(new byte[] { 15, 102, 255, 2 }, Samples.OfOneFile("g.png", file, 1, 2, 2));
    }

    [Fact]
    public void Shrinking_by_one_and_a_half_weighs_pixels_by_their_overlap()
    {
        // 3 -> 2: output 0 covers source [0, 1.5): weights 1 and 0.5; output 1 covers [1.5, 3): 0.5 and 1.
        byte[] file = PngFile.Bytes8(3, 3, PngFile.Gray,
            0, 30, 90,
            0, 30, 90,
            60, 60, 60);
        // Columns, rows 0-1: (0 + 15)/1.5 = 10 and (15 + 90)/1.5 = 70; row 2 is 60 everywhere.
        // Rows: output 0 = row 0 and half of row 1 = 10 and 70;
        // output 1 = half of row 1 + row 2 = (5 + 60)/1.5 = 43.33 -> 43 and (35 + 60)/1.5 = 63.33 -> 63.
        Assert.Equal(new byte[] { 10, 70, 43, 63 }, Samples.OfOneFile("g.png", file, 1, 2, 2));
    }

    [Fact]
    public void Enlarging_is_bilinear_with_half_pixel_centres()
    {
        // 2 -> 4: outputs sample source positions -0.25, 0.25, 0.75, 1.25, clamped at the edges.
        byte[] file = PngFile.Bytes8(2, 2, PngFile.Gray, 0, 100, 0, 100);
        var row = new byte[] { 0, 25, 75, 100 };
        Assert.Equal(row.Concat(row).Concat(row).Concat(row).ToArray(),
            Samples.OfOneFile("g.png", file, 1, 4, 4, o => o with { AllowUpscaling = true }));
    }

    [Fact]
    public void A_wide_image_keeps_its_height_and_the_middle_columns()
    {
        // 6 wide, 2 high, target 2x2: no scaling, crop offset (6 - 2) / 2 = 2.
        byte[] file = PngFile.Bytes8(6, 2, PngFile.Gray, 0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15);
        Assert.Equal(new byte[] { 2, 3, 12, 13 },
            Samples.OfOneFile("g.png", file, 1, 2, 2));
    }

    [Fact]
    public void A_tall_image_is_shrunk_to_the_target_width_then_cropped_in_the_middle()
    {
        // 2 wide, 8 high, target 1x1: the width binds, so scale 1/2 gives 1 x 4 and the crop starts at row round(1.5) = 2 (half to even).
        byte[] file = PngFile.Bytes8(2, 8, PngFile.Gray, 0, 0, 2, 2, 4, 4, 6, 6, 8, 8, 10, 10, 12, 12, 14, 14);
        // Row 2 of the 1x4 image averages source rows 4 and 5: (8 + 10) / 2 = 9.
        Assert.Equal(new byte[] { 9 }, Samples.OfOneFile("g.png", file, 1, 1, 1));
    }

    [Theory]
    [InlineData(5, 2, 2)] // (5 - 2) / 2 = 1.5 rounds to 2
    [InlineData(7, 2, 2)] // 2.5 rounds to 2, as Python's round does
    [InlineData(6, 2, 2)]
    [InlineData(9, 2, 4)] // 3.5 rounds to 4
    [InlineData(4, 4, 0)]
    public void Centre_crop_offsets_round_half_to_even(int size, int window, int offset)
    {
        var crop = CoverCrop.For(window, size, window, window);
        Assert.Equal(size, crop.ResizedWidth);
        Assert.Equal(offset, crop.Left);
        Assert.Equal(0, crop.Top);
    }

    [Theory]
    [InlineData(100, 150, 64, 64, 64, 96)]   // shorter side to 64, the other truncated: 150 x 64 / 100 = 96
    [InlineData(150, 100, 64, 64, 96, 64)]
    [InlineData(99, 100, 64, 64, 64, 64)]    // 100 x 64 / 99 = 64.6 truncates to 64
    [InlineData(100, 100, 32, 64, 64, 64)]   // a wide target: the width binds
    [InlineData(300, 200, 64, 32, 64, 42)]   // the height binds (64/300 > 32/200); 200 x 64 / 300 = 42.7 truncates to 42
    public void The_image_is_scaled_to_cover_the_target(int height, int width, int targetHeight, int targetWidth,
        int resizedHeight, int resizedWidth)
    {
        var crop = CoverCrop.For(height, width, targetHeight, targetWidth);
        Assert.Equal((resizedHeight, resizedWidth), (crop.ResizedHeight, crop.ResizedWidth));
        Assert.True(crop.ResizedHeight >= targetHeight && crop.ResizedWidth >= targetWidth);
    }

    [Fact]
    public void Area_weights_add_up_to_the_denominator_for_every_output()
    {
        foreach (var (n, m) in new[] { (7, 3), (100, 64), (64, 64), (3, 7), (5, 64) })
        {
            var w = AxisWeights.For(n, m, 0, m);
            for (int i = 0; i < m; i++)
            {
                int sum = 0;
                for (int k = w.Start[i]; k < w.Start[i + 1]; k++) sum += w.Weights[k];
                Assert.Equal(w.Denominator, sum);
                Assert.InRange(w.First[i] + (w.Start[i + 1] - w.Start[i]) - 1, 0, n - 1);
            }
        }
    }

    [Fact]
    public void Resampling_a_constant_image_gives_the_constant_at_any_scale()
    {
        var source = Enumerable.Repeat((byte)173, 13 * 29).ToArray();
        foreach (var (h, w) in new[] { (5, 5), (13, 29), (40, 31), (1, 1) })
        {
            var crop = CoverCrop.For(13, 29, h, w);
            var destination = new byte[h * w];
            Resampler.Resample(source, 29, AxisWeights.For(13, crop.ResizedHeight, crop.Top, h),
                AxisWeights.For(29, crop.ResizedWidth, crop.Left, w), destination);
            Assert.All(destination, b => Assert.Equal(173, b));
        }
    }
}

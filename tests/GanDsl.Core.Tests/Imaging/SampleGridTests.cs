using CsCheck;
using GanDsl.Core.Tests;
using GanDsl.Imaging;
using GanDsl.Tensors;

namespace GanDsl.Tests.Imaging;

public class SampleGridTests
{
    [Theory]
    [InlineData(-1f, 0)]
    [InlineData(1f, 255)]
    [InlineData(0f, 128)]      // 127.5 rounds up, as torchvision's save_image (x·255 + 0.5, truncated) does
    [InlineData(-5f, 0)]       // clamped
    [InlineData(3.5f, 255)]    // clamped
    [InlineData(0.5f, 191)]    // 191.25
    [InlineData(-0.5f, 64)]    // 63.75
    [InlineData(float.NaN, 0)]
    public void ToPixelMapsMinusOneToOneOntoBytes(float value, byte expected) => Assert.Equal(expected, SampleGrid.ToPixel(value));

    [Fact]
    public void ToPixelIsTheRoundedClampedLinearMap() =>
        Sized.NormalFloat.ForAll(value =>
    {
        double v = Math.Clamp(value, -1, 1);
        double exact = (v + 1) / 2 * 255;
        int pixel = SampleGrid.ToPixel((float)value);
        return Math.Abs(pixel - exact) <= 0.5 + 1e-4;
    }, iter: 100);

    [Fact]
    public void ImagesLandAtTorchvisionsPositionsWithPaddingBetweenThem()
    {
        // Three 2×3 gray images (H = 2, W = 3), two per row: image k's pixel (y, x) holds a distinct value.
        var values = new float[3 * 2 * 3];
        for (int k = 0; k < 3; k++)
        for (int y = 0; y < 2; y++)
        for (int x = 0; x < 3; x++)
            values[k * 6 + y * 3 + x] = -1f + (k * 6 + y * 3 + x) * 0.1f;

        var grid = SampleGrid.Create(values, count: 3, channels: 1, height: 2, width: 3, imagesPerRow: 2);

        Assert.Equal((2 * (3 + 2) + 2, 2 * (2 + 2) + 2, 1), (grid.Width, grid.Height, grid.Channels));
        for (int k = 0; k < 3; k++)
        for (int y = 0; y < 2; y++)
        for (int x = 0; x < 3; x++)
        {
            int left = (k % 2) * 5 + 2, top = (k / 2) * 4 + 2;
            Assert.Equal(SampleGrid.ToPixel(values[k * 6 + y * 3 + x]), grid.At(left + x, top + y));
        }
        // Border, the gap between columns and the empty fourth cell are padding.
        Assert.Equal(0, grid.At(0, 0));
        Assert.Equal(0, grid.At(1, 3));
        Assert.Equal(0, grid.At(5, 2));
        Assert.Equal(0, grid.At(6, 3));
        Assert.Equal(0, grid.At(11, 9));
        for (int y = 6; y < 8; y++)
        for (int x = 7; x < 10; x++)
            Assert.Equal(0, grid.At(x, y));
    }

    [Fact]
    public void RgbChannelsAreInterleavedFromTheirPlanes()
    {
        // One 1×2 RGB image: R plane = [1, -1], G plane = [0, 0.5], B plane = [-1, 2 (clamped)].
        var grid = SampleGrid.Create([1f, -1f, 0f, 0.5f, -1f, 2f], count: 1, channels: 3, height: 1, width: 2, padding: 1);
        Assert.Equal((4, 3, 3), (grid.Width, grid.Height, grid.Channels));
        Assert.Equal([255, 128, 0], new[] { grid.At(1, 1, 0), grid.At(1, 1, 1), grid.At(1, 1, 2) });
        Assert.Equal([0, 191, 255], new[] { grid.At(2, 1, 0), grid.At(2, 1, 1), grid.At(2, 1, 2) });
        Assert.Equal([0, 0, 0], new[] { grid.At(3, 1, 0), grid.At(3, 1, 1), grid.At(3, 1, 2) });
    }

    [Fact]
    public void EveryImagePixelComesFromItsTensorValue() =>
        Gen.Select(Sized.PositiveInt, Sized.PositiveInt, Sized.PositiveInt, Sized.PositiveInt, Gen.Bool, Sized.Int).ForAll((n, h, w, perRow, rgb, seed) =>
    {
        int count = 1 + n % 9, height = 1 + h % 6, width = 1 + w % 6, row = 1 + perRow % 5, ch = rgb ? 3 : 1;
        var rng = new Random(seed);
        var values = Enumerable.Range(0, count * ch * height * width).Select(_ => (float)(rng.NextDouble() * 3 - 1.5)).ToArray();
        var grid = SampleGrid.Create(Tensor.FromArray(values, count, ch, height, width), imagesPerRow: row, padValue: 7);

        int columns = Math.Min(row, count);
        bool ok = grid.Width == columns * (width + 2) + 2 && grid.Height == (count + columns - 1) / columns * (height + 2) + 2;
        int imagePixels = 0;
        for (int k = 0; k < count; k++)
        for (int c = 0; c < ch; c++)
        for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
        {
            int gx = (k % columns) * (width + 2) + 2 + x, gy = (k / columns) * (height + 2) + 2 + y;
            ok &= grid.At(gx, gy, c) == SampleGrid.ToPixel(values[((k * ch + c) * height + y) * width + x]);
            imagePixels++;
        }
        // Everything else is padding.
        ok &= grid.Pixels.Count(b => b == 7) >= grid.Pixels.Length - imagePixels;
        return ok;
    }, iter: 50);

    [Fact]
    public void UpscaleRepeatsEveryGridPixel()
    {
        var grid = SampleGrid.Create([-1f, 1f, 0f, 0.5f], count: 1, channels: 1, height: 2, width: 2, padding: 1);
        var big = SampleGrid.Create([-1f, 1f, 0f, 0.5f], count: 1, channels: 1, height: 2, width: 2, padding: 1, upscale: 3);
        Assert.Equal((grid.Width * 3, grid.Height * 3), (big.Width, big.Height));
        for (int y = 0; y < big.Height; y++)
        for (int x = 0; x < big.Width; x++)
            Assert.Equal(grid.At(x / 3, y / 3), big.At(x, y));
    }

    [Fact]
    public void TensorOverloadsAcceptOneImageAndAgreeWithTheSpanForm()
    {
        var values = Enumerable.Range(0, 12).Select(i => i / 6f - 1).ToArray();
        var fromSpan = SampleGrid.Create(values, 1, 3, 2, 2);
        Assert.Equal(fromSpan.Pixels, SampleGrid.Create(Tensor.FromArray(values, 3, 2, 2)).Pixels);
        Assert.Equal(SampleGrid.Create(values, 1, 1, 3, 4).Pixels, SampleGrid.Create(Tensor.FromArray(values, 3, 4)).Pixels);
    }

    [Fact]
    public void BadArgumentsAreExplained()
    {
        Assert.Contains("1 (gray) or 3 (RGB) channels but got 2",
            Assert.Throws<ArgumentException>(() => SampleGrid.Create(new float[8], 1, 2, 2, 2)).Message);
        Assert.Contains("need 8 values but 7 were given",
            Assert.Throws<ArgumentException>(() => SampleGrid.Create(new float[7], 2, 1, 2, 2)).Message);
        Assert.Contains("[N, C, H, W], [C, H, W] or [H, W] but got [8]",
            Assert.Throws<ArgumentException>(() => SampleGrid.Create(Tensor.Zeros(8))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleGrid.Create(new float[4], 1, 1, 2, 2, upscale: 0));
    }

    [Fact]
    public void Save_writes_a_readable_grid_sixteen_28x28_samples_make_a_4x4_grid_of_84_pixel_cells()
    {
        using var dir = new TempFolder();
        var samples = Tensor.FromArray(Enumerable.Range(0, 16 * 28 * 28).Select(i => MathF.Sin(i * 0.01f)).ToArray(), 16, 1, 28, 28);
        SampleGrid.Save(samples, dir.File("out", "grid.png"));
        var grid = PngReader.ReadFile(dir.File("out", "grid.png"));
        Assert.Equal((3 * (4 * (28 + 2) + 2), 1), (grid.Width, grid.Channels)); // 4 columns, each 28 px cell enlarged 3x
        Assert.Equal(grid.Width, grid.Height);
        Assert.Equal(SampleGrid.ToPixel(samples.Data[0]), grid.At(3 * 2, 3 * 2)); // the first sample's first pixel, past the padding
        Assert.Equal(grid.At(6, 6), grid.At(8, 8)); // nearest-neighbour: one source pixel fills a 3x3 block

        var wide = SampleGrid.Of(samples, columns: 8, cellSize: 1);
        Assert.Equal((8 * 30 + 2, 2 * 30 + 2), (wide.Width, wide.Height));
    }

    [Fact]
    public void Of_draws_rgba_without_alpha_gray_stacks_and_vectors()
    {
        var rgba = Tensor.FromArray(Enumerable.Range(0, 2 * 4 * 2 * 2).Select(i => i % 4 == 3 ? -1f : 1f).ToArray(), 2, 4, 2, 2);
        var rgb = SampleGrid.Of(rgba, cellSize: 1);
        Assert.Equal(3, rgb.Channels);
        var expected = new float[2 * 3 * 4];
        for (int k = 0; k < 2; k++) Array.Copy(rgba.Data, k * 16, expected, k * 12, 12);
        Assert.Equal(SampleGrid.Of(Tensor.FromArray(expected, 2, 3, 2, 2), cellSize: 1).Pixels, rgb.Pixels);

        Assert.Equal(1, SampleGrid.Of(Tensor.Zeros(3, 5, 5)).Channels); // [N, H, W]
        var bits = SampleGrid.Of(Tensor.Zeros(16, 7)); // 16 seven-bit samples: one picture, a row each, enlarged 6x
        Assert.Equal((6 * (7 + 4), 6 * (16 + 4)), (bits.Width, bits.Height));
        Assert.Contains("cannot be drawn", Assert.Throws<ArgumentException>(() => SampleGrid.Of(Tensor.Zeros(1, 1, 1, 1, 1))).Message);
    }
}

using GanDsl.Tensors;

namespace GanDsl.Imaging;

/// <summary>
/// Tiles a batch of generated images into one picture, like torchvision's
/// <c>make_grid(x, nrow, padding=2, normalize=True, value_range=(-1, 1))</c> followed by <c>save_image</c>:
/// up to <c>nrow</c> images per row, <c>padding</c> pixels of <c>padValue</c> around and between them,
/// and each value v in [-1, 1] becomes <c>round((clamp(v, -1, 1) + 1) / 2 · 255)</c>.
/// Unlike torchvision, a one-channel batch stays grayscale instead of being copied into three channels.
/// </summary>
public static class SampleGrid
{
    /// <summary>Images per row unless another count is given (torchvision's <c>nrow=8</c>).</summary>
    public const int DefaultImagesPerRow = 8;
    /// <summary>Pixels around and between the images (torchvision's <c>padding=2</c>).</summary>
    public const int DefaultPadding = 2;

    /// <summary>
    /// The size in pixels that <see cref="Of"/> and <see cref="Save"/> show at least the longer side of a sample at: small
    /// samples are enlarged by a whole factor (nearest neighbour), so a 28×28 sample is drawn at 84×84.
    /// </summary>
    public const int DefaultCellSize = 84;

    /// <summary>
    /// Writes generated samples as a readable PNG grid at <paramref name="path"/> (folder created if needed, file replaced
    /// atomically). See <see cref="Of"/> for the layout.
    /// </summary>
    public static void Save(Tensor samples, string path, int? columns = null, int? cellSize = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Png.WriteFile(path, Of(samples, columns, cellSize));
    }

    /// <summary>
    /// The grid of a batch of samples: [N, C, H, W] images (C = 1 gray, 3 colour; 4 is shown without its alpha, any other
    /// count as its first channel), [N, H, W] gray images, or [N, F] vectors drawn as one picture with a row per sample.
    /// <paramref name="columns"/> samples per row (default: a square grid, ⌈√N⌉), and every sample enlarged by the whole
    /// factor that makes its longer side at least <paramref name="cellSize"/> pixels (default <see cref="DefaultCellSize"/>;
    /// 1 keeps the samples' own size). Values in [-1, 1] map to 0…255 as in <see cref="ToPixel"/>.
    /// </summary>
    public static GridImage Of(Tensor samples, int? columns = null, int? cellSize = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (columns is < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, "A sample grid needs at least one column.");
        if (cellSize is < 1) throw new ArgumentOutOfRangeException(nameof(cellSize), cellSize, "The cell size must be at least 1 pixel.");
        var (data, count, channels, height, width) = AsImages(samples);
        int side = Math.Max(height, width);
        int target = cellSize ?? DefaultCellSize;
        int upscale = Math.Max(1, (target + side - 1) / side);
        int perRow = columns ?? (int)Math.Ceiling(Math.Sqrt(count));
        return Create(data, count, channels, height, width, perRow, DefaultPadding, upscale);
    }

    /// <summary>The samples as N images of 1 or 3 channels (see <see cref="Of"/>).</summary>
    private static (float[] Data, int Count, int Channels, int Height, int Width) AsImages(Tensor samples)
    {
        var s = samples.Shape;
        switch (s.Rank)
        {
            case 1: return (samples.Data, 1, 1, 1, s[0]);
            case 2: return (samples.Data, 1, 1, s[0], s[1]);
            case 3: return (samples.Data, s[0], 1, s[1], s[2]);
            case 4 when s[1] is 1 or 3: return (samples.Data, s[0], s[1], s[2], s[3]);
            case 4:
                int n = s[0], keep = s[1] == 4 ? 3 : 1, plane = s[2] * s[3];
                var kept = new float[(long)n * keep * plane];
                for (int k = 0; k < n; k++)
                    Array.Copy(samples.Data, (long)k * s[1] * plane, kept, (long)k * keep * plane, (long)keep * plane);
                return (kept, n, keep, s[2], s[3]);
            default:
                throw new ArgumentException($"Samples shaped {s} cannot be drawn as a grid; pass [N, C, H, W], [N, H, W] or [N, F].", nameof(samples));
        }
    }

    /// <summary>The 8-bit value of one sample value; NaN (never expected) maps to 0 rather than to an undefined byte.</summary>
    public static byte ToPixel(float value)
    {
        if (float.IsNaN(value)) return 0;
        float unit = (Math.Clamp(value, -1f, 1f) + 1f) * 0.5f;
        return (byte)MathF.Round(unit * 255f, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// Builds the grid of a batch given as NCHW values (<paramref name="count"/> × <paramref name="channels"/> ×
    /// <paramref name="height"/> × <paramref name="width"/>, channels 1 or 3). <paramref name="upscale"/> repeats every
    /// pixel of the finished grid (padding included) that many times in each direction, so small samples stay visible.
    /// </summary>
    public static GridImage Create(ReadOnlySpan<float> images, int count, int channels, int height, int width,
        int imagesPerRow = DefaultImagesPerRow, int padding = DefaultPadding, int upscale = 1, byte padValue = 0)
    {
        CheckArguments(images.Length, count, channels, height, width, imagesPerRow, padding, upscale);
        int columns = Math.Min(imagesPerRow, count);
        int rows = (count + columns - 1) / columns;
        int gridWidth = columns * (width + padding) + padding;
        int gridHeight = rows * (height + padding) + padding;
        if ((long)gridWidth * upscale * gridHeight * upscale * channels > Array.MaxLength)
            throw new ArgumentException($"A {gridWidth * (long)upscale}×{gridHeight * (long)upscale} grid is too large; lower the upscale factor or the batch size.");

        var pixels = new byte[gridWidth * gridHeight * channels];
        Array.Fill(pixels, padValue);
        int plane = height * width;
        for (int k = 0; k < count; k++)
        {
            int left = (k % columns) * (width + padding) + padding;
            int top = (k / columns) * (height + padding) + padding;
            var image = images.Slice(k * channels * plane, channels * plane);
            for (int c = 0; c < channels; c++)
            for (int y = 0; y < height; y++)
            {
                var source = image.Slice(c * plane + y * width, width);
                int target = ((top + y) * gridWidth + left) * channels + c;
                for (int x = 0; x < width; x++)
                    pixels[target + x * channels] = ToPixel(source[x]);
            }
        }
        var grid = new GridImage(gridWidth, gridHeight, channels, pixels);
        return upscale == 1 ? grid : Upscale(grid, upscale);
    }

    /// <summary>
    /// Builds the grid of a tensor shaped [N, C, H, W] (a batch), [C, H, W] (one image) or [H, W] (one gray image).
    /// </summary>
    public static GridImage Create(Tensor images, int imagesPerRow = DefaultImagesPerRow, int padding = DefaultPadding,
        int upscale = 1, byte padValue = 0)
    {
        ArgumentNullException.ThrowIfNull(images);
        var s = images.Shape;
        return s.Rank switch
        {
            4 => Create(images.Data, s[0], s[1], s[2], s[3], imagesPerRow, padding, upscale, padValue),
            3 => Create(images.Data, 1, s[0], s[1], s[2], imagesPerRow, padding, upscale, padValue),
            2 => Create(images.Data, 1, 1, s[0], s[1], imagesPerRow, padding, upscale, padValue),
            _ => throw new ArgumentException(
                $"A sample grid needs a tensor shaped [N, C, H, W], [C, H, W] or [H, W] but got {s}; reshape the generator output to images first."),
        };
    }

    /// <summary>Nearest-neighbour enlargement by an integer factor.</summary>
    public static GridImage Upscale(GridImage image, int factor)
    {
        ArgumentNullException.ThrowIfNull(image);
        image.Validate();
        if (factor < 1)
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "The upscale factor must be 1 or more.");
        if (factor == 1) return image;
        int ch = image.Channels, width = image.Width * factor, height = image.Height * factor;
        var pixels = new byte[(long)width * height * ch];
        int rowBytes = width * ch;
        for (int y = 0; y < image.Height; y++)
        {
            var target = pixels.AsSpan(y * factor * rowBytes, rowBytes);
            for (int x = 0; x < image.Width; x++)
            {
                var source = image.Pixels.AsSpan((y * image.Width + x) * ch, ch);
                for (int r = 0; r < factor; r++) source.CopyTo(target[((x * factor + r) * ch)..]);
            }
            for (int r = 1; r < factor; r++) target.CopyTo(pixels.AsSpan((y * factor + r) * rowBytes, rowBytes));
        }
        return new GridImage(width, height, ch, pixels);
    }

    private static void CheckArguments(int length, int count, int channels, int height, int width,
        int imagesPerRow, int padding, int upscale)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "A sample grid needs at least one image.");
        if (channels is not (1 or 3))
            throw new ArgumentException($"A sample grid needs images with 1 (gray) or 3 (RGB) channels but got {channels}.", nameof(channels));
        if (height < 1 || width < 1)
            throw new ArgumentException($"A sample grid needs images of at least 1×1 pixel but got {height}×{width}.");
        if (imagesPerRow < 1)
            throw new ArgumentOutOfRangeException(nameof(imagesPerRow), imagesPerRow, "A sample grid needs at least one image per row.");
        if (padding < 0)
            throw new ArgumentOutOfRangeException(nameof(padding), padding, "The padding between images cannot be negative.");
        if (upscale < 1)
            throw new ArgumentOutOfRangeException(nameof(upscale), upscale, "The upscale factor must be 1 or more.");
        long expected = (long)count * channels * height * width;
        if (length != expected)
            throw new ArgumentException(
                $"{count} image(s) of {channels}×{height}×{width} need {expected} values but {length} were given; check the batch dimensions.");
    }
}

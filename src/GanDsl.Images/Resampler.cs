namespace GanDsl.Images;

/// <summary>Resizes and centre-crops one byte plane to the target with <see cref="AxisWeights"/>: exact integer arithmetic, one rounding.</summary>
internal static class Resampler
{
    /// <summary>
    /// Writes the <paramref name="targetHeight"/> x <paramref name="targetWidth"/> crop of each of the
    /// <paramref name="channels"/> planes of <paramref name="source"/> (each <paramref name="height"/> x
    /// <paramref name="width"/>, row-major) scaled as <see cref="CoverCrop"/> says, plane after plane.
    /// </summary>
    public static void CoverAndCrop(ReadOnlySpan<byte> source, int channels, int height, int width,
        Span<byte> destination, int targetHeight, int targetWidth)
    {
        var crop = CoverCrop.For(height, width, targetHeight, targetWidth);
        var rows = AxisWeights.For(height, crop.ResizedHeight, crop.Top, targetHeight);
        var columns = AxisWeights.For(width, crop.ResizedWidth, crop.Left, targetWidth);
        int plane = height * width, target = targetHeight * targetWidth;
        for (int c = 0; c < channels; c++)
            Resample(source.Slice(c * plane, plane), width, rows, columns, destination.Slice(c * target, target));
    }

    /// <summary>Applies <paramref name="columns"/> to every source row the <paramref name="rows"/> read, then <paramref name="rows"/>.</summary>
    public static void Resample(ReadOnlySpan<byte> source, int width, AxisWeights rows, AxisWeights columns, Span<byte> destination)
    {
        int outWidth = columns.First.Length, outHeight = rows.First.Length;
        int firstRow = rows.First[0];
        int lastRow = rows.First[^1] + (rows.Start[^1] - rows.Start[^2]) - 1;
        // Horizontal sums, scaled by the column denominator (at most 255 x 2 x width, well inside int).
        var across = new int[(lastRow - firstRow + 1) * outWidth];
        for (int y = firstRow; y <= lastRow; y++)
        {
            var line = source.Slice(y * width, width);
            var sums = across.AsSpan((y - firstRow) * outWidth, outWidth);
            for (int x = 0; x < outWidth; x++)
                sums[x] = Dot(line, columns.First[x], columns.Weights.AsSpan(columns.Start[x]..columns.Start[x + 1]));
        }
        long denominator = (long)rows.Denominator * columns.Denominator;
        for (int y = 0; y < outHeight; y++)
        {
            var weights = rows.Weights.AsSpan(rows.Start[y]..rows.Start[y + 1]);
            int top = rows.First[y] - firstRow;
            for (int x = 0; x < outWidth; x++)
            {
                long sum = 0;
                for (int k = 0; k < weights.Length; k++) sum += (long)weights[k] * across[(top + k) * outWidth + x];
                destination[y * outWidth + x] = (byte)((sum + denominator / 2) / denominator); // round half up
            }
        }
    }

    private static int Dot(ReadOnlySpan<byte> line, int first, ReadOnlySpan<int> weights)
    {
        int sum = 0;
        for (int k = 0; k < weights.Length; k++) sum += weights[k] * line[first + k];
        return sum;
    }
}

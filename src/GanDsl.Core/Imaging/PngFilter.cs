namespace GanDsl.Imaging;

/// <summary>
/// PNG row filtering (filter method 0). Each row gets the filter type whose output has the smallest
/// sum of absolute values read as signed bytes — libpng's cheap heuristic, which usually helps
/// zlib on smooth images and costs one pass per candidate.
/// </summary>
internal static class PngFilter
{
    /// <summary>Returns <paramref name="height"/> rows, each a filter-type byte then the filtered row.</summary>
    public static byte[] FilterAll(ReadOnlySpan<byte> pixels, int width, int height, int bytesPerPixel)
    {
        int stride = width * bytesPerPixel;
        var output = new byte[(long)(stride + 1) * height];
        var candidates = new byte[5][];
        for (int f = 0; f < 5; f++) candidates[f] = new byte[stride];
        ReadOnlySpan<byte> previous = new byte[stride]; // the row above the first is all zeros

        for (int y = 0; y < height; y++)
        {
            var row = pixels.Slice(y * stride, stride);
            int best = 0;
            long bestScore = long.MaxValue;
            for (int f = 0; f < 5; f++)
            {
                Apply(f, row, previous, bytesPerPixel, candidates[f]);
                long score = Score(candidates[f]);
                if (score < bestScore) { bestScore = score; best = f; }
            }
            int offset = y * (stride + 1);
            output[offset] = (byte)best;
            candidates[best].CopyTo(output.AsSpan(offset + 1, stride));
            previous = row;
        }
        return output;
    }

    private static long Score(ReadOnlySpan<byte> filtered)
    {
        long sum = 0;
        foreach (var b in filtered) sum += Math.Abs((int)(sbyte)b);
        return sum;
    }

    private static void Apply(int type, ReadOnlySpan<byte> row, ReadOnlySpan<byte> up, int bpp, Span<byte> dst)
    {
        for (int i = 0; i < row.Length; i++)
        {
            int a = i >= bpp ? row[i - bpp] : 0;
            int b = up[i];
            int c = i >= bpp ? up[i - bpp] : 0;
            int predictor = type switch
            {
                0 => 0,
                1 => a,
                2 => b,
                3 => (a + b) >> 1,
                _ => Paeth(a, b, c),
            };
            dst[i] = (byte)(row[i] - predictor);
        }
    }

    /// <summary>The Paeth predictor from the PNG specification, section 9.4.</summary>
    internal static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        if (pa <= pb && pa <= pc) return a;
        return pb <= pc ? b : c;
    }
}

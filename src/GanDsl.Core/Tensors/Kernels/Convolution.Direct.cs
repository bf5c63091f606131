namespace GanDsl.Tensors.Kernels;

// Convolutions without lowering (DirectConvolution): the input is arranged so that every tap of an output row is one
// contiguous run (PaddedPlanes), and a tap table with a weight pair per tap describes each sweep. Stride 1 reads a
// zero-bordered copy; stride 2 reads each row's even columns and odd columns side by side; the input gradient of a
// stride-1 convolution is the forward map over the gradient bordered by k − 1 − p with flipped weights, and that of a
// stride-2 one (the transposed convolution) reads the gradient with every column doubled, in two sweeps (even and odd
// output rows take different kernel rows) whose weight pairs give even and odd output columns their own kernel columns.
public static unsafe partial class Convolution
{
    [ThreadStatic] private static DirectConvolution.Job? _directJob;

    private static bool DirectApplies(in ConvGeometry g, ConvMap map) => map switch
    {
        ConvMap.Forward => g.Stride <= 2,
        ConvMap.InputGrad => g.Stride == 2 || (g.Stride == 1 && g.Padding <= g.Kernel - 1),
        _ => g.Stride <= 2 && g.OutWidth <= DirectWeightGrad.MaxOutWidth,
    };

    // Where direct beat the lowered and implicit GEMMs on the reference models' shapes (bench --conv, with AVX-512 and
    // with AVX2 only): maps with at most 4 channels on one side, except the stride-2 forward map (the implicit GEMM is as
    // fast); with AVX-512 only (whose 32 registers hold two output channels per tile), the transposed convolution into 5
    // to 16 channels (with fewer, doubling the gradient costs more than the multiply; with more, a GEMM re-uses its loads
    // better) and stride-2 weight gradients. Stride 1 differs by width (bench --conv lightning-cnn and stride1, Zen 4 with
    // and without AVX-512): with AVX2 only, the forward map up to 32 output channels runs direct too (below that the GEMM's
    // 6-row blocks stay part empty); with AVX-512 the implicit GEMM wins there (lightning-cnn's 10 -> 20: 0.72 against
    // 1.14 ms), and the input gradient runs direct only when the gradient has at most 4 channels (into one channel from
    // 10 or 32, a one-channel tile loads a vector per multiply-add: 1.5 ms direct, 0.44 ms implicit).
    private static bool PrefersDirect(in ConvGeometry g, ConvMap map)
    {
        bool few = Math.Min(g.InChannels, g.OutChannels) <= 4, wide = Lanes.For() == LaneWidth.Bits512;
        return map switch
        {
            ConvMap.Forward => g.Stride == 1 && (few || (!wide && g.OutChannels <= 32)),
            ConvMap.InputGrad => g.Stride == 1 ? (wide ? g.OutChannels <= 4 : few) : wide && g.InChannels is > 4 and <= 16,
            _ => few && (g.Stride == 1 || wide),
        };
    }

    private static void ForwardDirect(in ConvGeometry g, float* x, float* w, float* y)
    {
        int k = g.Kernel, taps = k * k, p = g.Padding;
        var scratch = ConvScratch.ForCurrentThread;
        int* offsets = stackalloc int[taps];
        int rows = g.Height + 2 * p, rowLength, rowStep;
        PaddedPlanes.Layout? layout;
        if (g.Stride == 1)
        {
            rowLength = rowStep = g.Width + 2 * p;
            layout = p == 0 ? null : PaddedPlanes.Layout.Bordered;
            for (int t = 0; t < taps; t++) offsets[t] = t / k * rowLength + t % k;
        }
        else
        {
            int half = (g.Width + 2 * p + 1) / 2;
            rowLength = 2 * half;
            rowStep = 2 * rowLength;
            layout = PaddedPlanes.Layout.EvenOdd;
            for (int t = 0; t < taps; t++) offsets[t] = t / k * rowLength + t % k % 2 * half + t % k / 2;
        }

        float* pairs = scratch.Weights((nint)(2L * g.OutChannels * g.PatchSize));
        for (long i = 0; i < (long)g.OutChannels * g.PatchSize; i++) pairs[2 * i] = pairs[2 * i + 1] = w[i];
        var job = Job(x, g.InChannels, g.Height, g.Width, y, g.OutChannels, g.OutPlane);
        if (layout is { } arranged) ArrangePerImage(job, arranged, g.Height, g.Width, rows, rowLength, p, p);
        job.First = new DirectConvolution.Sweep
        {
            Taps = offsets, TapCount = taps, Weights = pairs, InputRowStep = rowStep,
            OutputRowStep = g.OutWidth, Rows = g.OutHeight, Columns = g.OutWidth, SquareKernel = g.Stride == 1 ? k : 0,
        };
        job.RunBatch(g.Batch);
    }

    private static void InputGradDirect(in ConvGeometry g, float* dy, float* w, float* dx)
    {
        if (g.Stride == 2)
        {
            TransposedDirect(g, dy, w, dx);
            return;
        }
        int k = g.Kernel, taps = k * k, border = k - 1 - g.Padding;
        int rows = g.OutHeight + 2 * border, rowLength = g.OutWidth + 2 * border;
        int* offsets = stackalloc int[taps];
        for (int t = 0; t < taps; t++) offsets[t] = t / k * rowLength + t % k;
        // pairs[c, o, t] = w[o, c, k² − 1 − t]: the flipped kernel, input and output channels swapped.
        float* pairs = ConvScratch.ForCurrentThread.Weights((nint)(2L * g.OutChannels * g.PatchSize));
        for (int c = 0; c < g.InChannels; c++)
        for (int o = 0; o < g.OutChannels; o++)
        for (int t = 0; t < taps; t++)
        {
            long at = 2 * (((long)c * g.OutChannels + o) * taps + t);
            pairs[at] = pairs[at + 1] = w[((long)o * g.InChannels + c) * taps + taps - 1 - t];
        }
        var job = Job(dy, g.OutChannels, g.OutHeight, g.OutWidth, dx, g.InChannels, g.InPlane);
        if (border > 0) ArrangePerImage(job, PaddedPlanes.Layout.Bordered, g.OutHeight, g.OutWidth, rows, rowLength, border, border);
        job.First = new DirectConvolution.Sweep
        {
            Taps = offsets, TapCount = taps, Weights = pairs, InputRowStep = rowLength,
            OutputRowStep = g.Width, Rows = g.Height, Columns = g.Width, SquareKernel = k,
        };
        job.RunBatch(g.Batch);
    }

    // dx[iy, ix] takes the taps ky ≡ iy + p, kx ≡ ix + p (mod 2), which read dy[(iy + p − ky) / 2, (ix + p − kx) / 2]. With
    // dy's columns doubled (D[j] = dy[⌊j / 2⌋]), output column ix and kernel column kx = (ix + p) mod 2 + 2t read
    // D[ix + p − 2t] for either parity: one run per tap t, whose weight pair holds kx for even and for odd columns.
    private static void TransposedDirect(in ConvGeometry g, float* dy, float* w, float* dx)
    {
        int k = g.Kernel, p = g.Padding, tapsX = (k + 1) / 2, tapsY = (k + 1) / 2;
        // Doubled columns [colLow, colHigh] relative to dy's column 0 (zeros outside [0, 2·Wo)); rows likewise.
        int colLow = Math.Min(0, p - 2 * (tapsX - 1)), colHigh = Math.Max(2 * g.OutWidth - 1, g.Width - 1 + p);
        int rowLow = Math.Min(0, p / 2 - (tapsY - 1)), rowHigh = Math.Max(g.OutHeight - 1, (g.Height - 1 + p) / 2);
        // An even row length keeps even and odd output columns on lanes of their parity when the sweep runs flat.
        int rows = rowHigh - rowLow + 1, rowLength = (colHigh - colLow + 2) / 2 * 2;
        var job = Job(dy, g.OutChannels, g.OutHeight, g.OutWidth, dx, g.InChannels, g.InPlane);
        ArrangePerImage(job, PaddedPlanes.Layout.Doubled, g.OutHeight, g.OutWidth, rows, rowLength, -rowLow, -colLow);
        int* offsets = stackalloc int[2 * tapsY * tapsX];
        float* pairs = ConvScratch.ForCurrentThread.Weights((nint)(2L * 2 * g.InChannels * g.OutChannels * tapsY * tapsX));
        job.Sweeps = Math.Min(2, g.Height);
        for (int ry = 0; ry < job.Sweeps; ry++)
        {
            int ky0 = (ry + p) % 2, firstRow = (ry + p - ky0) / 2, taps = tapsY * tapsX;
            int* sweepOffsets = offsets + ry * taps;
            float* sweepPairs = pairs + (long)ry * 2 * g.InChannels * g.OutChannels * taps;
            for (int ty = 0; ty < tapsY; ty++)
            for (int tx = 0; tx < tapsX; tx++)
                sweepOffsets[ty * tapsX + tx] = (firstRow - ty - rowLow) * rowLength + p - 2 * tx - colLow;
            for (int c = 0; c < g.InChannels; c++)
            for (int o = 0; o < g.OutChannels; o++)
            for (int ty = 0; ty < tapsY; ty++)
            for (int tx = 0; tx < tapsX; tx++)
            {
                int ky = ky0 + 2 * ty, kxEven = p % 2 + 2 * tx, kxOdd = (p + 1) % 2 + 2 * tx;
                float* kernelRow = w + (((long)o * g.InChannels + c) * k + ky) * k;
                float* pair = sweepPairs + 2 * (((long)c * g.OutChannels + o) * taps + ty * tapsX + tx);
                pair[0] = ky < k && kxEven < k ? kernelRow[kxEven] : 0f;
                pair[1] = ky < k && kxOdd < k ? kernelRow[kxOdd] : 0f;
            }
            var sweep = new DirectConvolution.Sweep
            {
                Taps = sweepOffsets, TapCount = taps, Weights = sweepPairs, PairsDiffer = true, InputRowStep = rowLength,
                OutputOffset = (long)ry * g.Width, OutputRowStep = 2 * g.Width, Rows = (g.Height - ry + 1) / 2, Columns = g.Width,
            };
            if (ry == 0) job.First = sweep;
            else job.Second = sweep;
        }
        job.RunBatch(g.Batch);
    }

    private static void WeightGradDirect(in ConvGeometry g, float* x, float* dy, float* dw)
    {
        int p = g.Padding, rows = g.Height + 2 * p, half = (g.Width + 2 * p + 1) / 2;
        int rowLength = g.Stride == 1 ? g.Width + 2 * p : 2 * half;
        float* input = g.Stride == 1 && p == 0 ? x
            : Arrange(g.Stride == 1 ? PaddedPlanes.Layout.Bordered : PaddedPlanes.Layout.EvenOdd, x, g.Batch * g.InChannels, g.Height, g.Width, rows, rowLength, p, p);
        var planes = new DirectWeightGrad.Planes(input, (long)g.InChannels * rows * rowLength, (long)rows * rowLength, rowLength, g.Stride, half);
        int chunks = (g.Batch + DirectWeightGrad.ChunkImages - 1) / DirectWeightGrad.ChunkImages;
        float* partials = ConvScratch.ForCurrentThread.ChannelMajor((nint)chunks * g.OutChannels * g.PatchSize);
        DirectWeightGrad.Run(planes, g.Batch, g.InChannels, dy, g.OutChannels, g.Kernel, g.OutHeight, g.OutWidth, dw, partials);
    }

    private static float* Arrange(PaddedPlanes.Layout layout, float* data, int planes, int height, int width, int rows, int rowLength, int top, int left)
    {
        float* copy = ConvScratch.ForCurrentThread.Padded((nint)planes * rows * rowLength);
        PaddedPlanes.Arrange(layout, data, planes, height, width, copy, rows, rowLength, top, left);
        return copy;
    }

    // A job over x as it is: [batch, inChannels, height, width].
    private static DirectConvolution.Job Job(float* x, int inChannels, int height, int width, float* y, int outChannels, int outPlane)
    {
        var job = _directJob ??= new DirectConvolution.Job();
        job.X = x;
        job.Y = y;
        long plane = (long)height * width;
        (job.XImage, job.XChannel, job.InChannels) = (inChannels * plane, plane, inChannels);
        (job.YImage, job.YChannel, job.OutChannels) = ((long)outChannels * outPlane, outPlane, outChannels);
        job.Sweeps = 1;
        job.ArrangePerImage = null;
        return job;
    }

    // The job reads x arranged as layout into planes of rows × rowLength, each part arranging its own image.
    private static void ArrangePerImage(DirectConvolution.Job job, PaddedPlanes.Layout layout, int height, int width, int rows, int rowLength,
        int top, int left)
    {
        job.ArrangePerImage = new PaddedPlanes.Arrangement(layout, height, width, rows, rowLength, top, left);
        job.XChannel = (long)rows * rowLength;
    }

    // A whole-image patch (kernel = image, no padding, one output pixel) is image n's pixels in (c, ky, kx) order, so
    // with X = x as [N, Cin·k·k]: y = X·Wᵀ, dx = dy·W, dw = dyᵀ·X, with no copies. Each element is the lowered GEMM's
    // sum with its operands' roles swapped: the same products in the same order.
    private static void ForwardWholeImage(in ConvGeometry g, float* x, float* w, float* y) =>
        Gemm.Multiply(false, true, g.Batch, g.OutChannels, g.PatchSize, 1f, Span(x, g.Batch * g.PatchSize), g.PatchSize,
            Span(w, g.OutChannels * g.PatchSize), g.PatchSize, Span(y, g.Batch * g.OutChannels), g.OutChannels);

    private static void InputGradWholeImage(in ConvGeometry g, float* dy, float* w, float* dx) =>
        Gemm.Multiply(false, false, g.Batch, g.PatchSize, g.OutChannels, 1f, Span(dy, g.Batch * g.OutChannels), g.OutChannels,
            Span(w, g.OutChannels * g.PatchSize), g.PatchSize, Span(dx, g.Batch * g.PatchSize), g.PatchSize);

    private static void WeightGradWholeImage(in ConvGeometry g, float* x, float* dy, float* dw) =>
        Gemm.Multiply(true, false, g.OutChannels, g.PatchSize, g.Batch, 1f, Span(dy, g.Batch * g.OutChannels), g.OutChannels,
            Span(x, g.Batch * g.PatchSize), g.PatchSize, Span(dw, g.OutChannels * g.PatchSize), g.PatchSize);

    private static Span<float> Span(float* p, int length) => new(p, length);
}

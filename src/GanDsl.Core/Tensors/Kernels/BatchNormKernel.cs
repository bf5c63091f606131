namespace GanDsl.Tensors.Kernels;

/// <summary>
/// Training-mode batch normalisation over axis 1 of [N, C, inner]: statistics, normalisation and the fused backward, a
/// group of adjacent channels per part on the persistent pool (one channel where a plane is long; enough short planes to
/// read about 4 KiB at a time), through the vector loops of <see cref="BatchNormRows"/>. A channel's sums run in the
/// same order whoever computes them and whatever its group, so the results are bit-identical for any thread count.
/// </summary>
internal static unsafe class BatchNormKernel
{
    private const long ParallelFloats = 32 * 1024;

    [ThreadStatic] private static ForwardJob? _forward;
    [ThreadStatic] private static BackwardJob? _backward;

    /// <summary>
    /// Per channel: mean and 1/√(var + eps) (biased variance; float vector partial sums added up in double) into <paramref name="mean"/> and
    /// <paramref name="invStd"/>, the running statistics updated with <paramref name="momentum"/> (unbiased variance),
    /// and y = (x − mean)·invStd·gamma + beta, or with <paramref name="leakySlope"/> a leaky ReLU of that slope (0: ReLU) of it,
    /// fused into the same pass.
    /// </summary>
    public static void Forward(int outer, int channels, int inner, float[] x, float[] gamma, float[] beta, float eps, float momentum,
        float[] runningMean, float[] runningVar, float[] mean, float[] invStd, float[] y, float? leakySlope = null, int? maxGroup = null)
    {
        var job = _forward ??= new ForwardJob();
        (job.Outer, job.Channels, job.Inner, job.X, job.Gamma, job.Beta, job.Eps, job.Momentum) = (outer, channels, inner, x, gamma, beta, eps, momentum);
        (job.RunningMean, job.RunningVar, job.Mean, job.InvStd, job.Y) = (runningMean, runningVar, mean, invStd, y);
        (job.Activate, job.Slope) = (leakySlope.HasValue, leakySlope ?? 0f);
        job.Group = GroupSize(channels, inner, maxGroup);
        Run(job, channels, job.Group, x.Length);
        job.Clear();
    }

    /// <summary>
    /// gx = gamma·invStd/m · (m·g − Σg − x̂·Σ(g·x̂)) (when <paramref name="gx"/> is given), gGamma = Σ(g·x̂), gBeta = Σg.
    /// With <paramref name="fusedBeta"/> (the beta of a forward with a leaky ReLU of <paramref name="leakySlope"/> fused in),
    /// <paramref name="g"/> is the gradient of that activation's output and is taken back through it on the way; where its
    /// input was positive is recomputed from x, gamma and this beta exactly as the forward computed it, so they must be the
    /// values the forward saw.
    /// </summary>
    public static void Backward(int outer, int channels, int inner, float[] x, float[] g, float[] gamma, float[] mean, float[] invStd,
        float[]? gx, float[] gGamma, float[] gBeta, float[]? fusedBeta = null, float leakySlope = 0f, int? maxGroup = null)
    {
        var job = _backward ??= new BackwardJob();
        (job.Outer, job.Channels, job.Inner, job.X, job.G, job.Gamma, job.Mean, job.InvStd) = (outer, channels, inner, x, g, gamma, mean, invStd);
        (job.Gx, job.GGamma, job.GBeta, job.FusedBeta, job.Slope) = (gx, gGamma, gBeta, fusedBeta, leakySlope);
        job.Group = GroupSize(channels, inner, maxGroup);
        Run(job, channels, job.Group, x.Length);
        job.Clear();
    }

    // Part p covers channels [p·group, (p + 1)·group).
    private static void Run(ParallelJob job, int channels, int group, long floats)
    {
        int parts = (channels + group - 1) / group;
        if (floats < ParallelFloats || parts == 1)
            for (int part = 0; part < parts; part++) job.Run(part);
        else
            job.RunAll(parts);
    }

    /// <summary>
    /// Channels per part: enough planes of <paramref name="inner"/> values for about 4 KiB of each sample's data in a row
    /// (a lone 4×4 plane is one cache line, 8 KiB from the next sample's), at most <see cref="MaxGroup"/>, and few enough
    /// that every thread gets two parts. Longer runs pay: 1 KiB runs and four parts a thread measured 0.31–0.41 ns a value
    /// forward on dcgan's [128, 32, 196] and [128, 64, 49], 4 KiB runs and two parts 0.19–0.25 (bench --bn, two threads).
    /// The grouping changes only the order of memory reads, never a result.
    /// </summary>
    private static int GroupSize(int channels, int inner, int? maxGroup)
    {
        int group = Math.Clamp(1024 / Math.Max(inner, 1), 1, maxGroup ?? MaxGroup);
        return Math.Max(1, Math.Min(group, channels / (2 * KernelSettings.Threads)));
    }

    /// <summary>The largest channel group: bounds the per-channel accumulators the row loops keep on the stack.</summary>
    public const int MaxGroup = 32;

    // Sums run over blocks of whole rows, or chunks of one long row, of at most SumChunk values each.
    private static (int Rows, int Chunk) Blocks(int inner) =>
        (Math.Max(1, BatchNormRows.SumChunk / inner), Math.Min(inner, BatchNormRows.SumChunk));

    private sealed class ForwardJob : ParallelJob
    {
        public int Outer, Channels, Inner, Group;
        public float Eps, Momentum, Slope;
        public bool Activate;
        public float[] X = [], Gamma = [], Beta = [], RunningMean = [], RunningVar = [], Mean = [], InvStd = [], Y = [];

        public void Clear() => X = Gamma = Beta = RunningMean = RunningVar = Mean = InvStd = Y = [];

        public override void Run(int part)
        {
            int first = part * Group, group = Math.Min(Group, Channels - first), m = Outer * Inner;
            long rowStride = (long)Channels * Inner;
            Span<double> sums = stackalloc double[group], sumSqs = stackalloc double[group];
            Span<float> means = stackalloc float[group], scales = stackalloc float[group];
            sums.Clear();
            sumSqs.Clear();
            fixed (float* px = X, py = Y, pBeta = &Beta[first])
            fixed (double* pSums = sums, pSumSqs = sumSqs)
            fixed (float* pMeans = means, pScales = scales)
            {
                float* x = px + (long)first * Inner, y = py + (long)first * Inner;
                // Two passes: the mean, then squares centred on it (no cancellation, unlike Σx² − m·mean²). Each pass adds
                // float partials of at most SumChunk values in double.
                var (blockRows, chunk) = Blocks(Inner);
                for (int n = 0; n < Outer; n += blockRows)
                    for (int at = 0; at < Inner; at += chunk)
                        BatchNormRows.Sums(x + n * rowStride + at, group, Inner, Math.Min(blockRows, Outer - n), rowStride,
                            Math.Min(chunk, Inner - at), false, null, pSums);
                for (int j = 0; j < group; j++) means[j] = (float)(sums[j] / m);
                for (int n = 0; n < Outer; n += blockRows)
                    for (int at = 0; at < Inner; at += chunk)
                        BatchNormRows.Sums(x + n * rowStride + at, group, Inner, Math.Min(blockRows, Outer - n), rowStride,
                            Math.Min(chunk, Inner - at), true, pMeans, pSumSqs);
                for (int j = 0; j < group; j++)
                {
                    int ch = first + j;
                    double mu = sums[j] / m;
                    float mean = means[j];
                    // Centred on the float mean: Σ(x − mean)² = Σ(x − mu)² + m·(mu − mean)², so take that bit off.
                    double sumSq = Math.Max(sumSqs[j] - m * (mu - mean) * (mu - mean), 0);
                    float invStd = (float)(1.0 / Math.Sqrt(sumSq / m + Eps));
                    Mean[ch] = mean;
                    InvStd[ch] = invStd;
                    RunningMean[ch] = (1 - Momentum) * RunningMean[ch] + Momentum * mean;
                    RunningVar[ch] = (1 - Momentum) * RunningVar[ch] + Momentum * (float)(sumSq / (m - 1));
                    scales[j] = invStd * Gamma[ch];
                }
                BatchNormRows.Normalize(x, y, group, Inner, Outer, rowStride, Inner, pMeans, pScales, pBeta, Activate, Slope);
            }
        }
    }

    private sealed class BackwardJob : ParallelJob
    {
        public int Outer, Channels, Inner, Group;
        public float[] X = [], G = [], Gamma = [], Mean = [], InvStd = [], GGamma = [], GBeta = [];
        public float[]? Gx, FusedBeta;
        public float Slope;

        public void Clear()
        {
            X = G = Gamma = Mean = InvStd = GGamma = GBeta = [];
            Gx = FusedBeta = null;
        }

        public override void Run(int part)
        {
            int first = part * Group, group = Math.Min(Group, Channels - first), m = Outer * Inner;
            long rowStride = (long)Channels * Inner;
            Span<double> sumG = stackalloc double[group], dot = stackalloc double[group]; // Σg and Σg·(x − mean)
            Span<float> gMeans = stackalloc float[group], projections = stackalloc float[group], scales = stackalloc float[group];
            sumG.Clear();
            dot.Clear();
            // gamma·invStd: the forward's scale (the same product) for the fused activation's input, and the gradient's.
            for (int j = 0; j < group; j++) scales[j] = Gamma[first + j] * InvStd[first + j];
            fixed (float* px = X, pg = G, pMeans = &Mean[first], pBetas = FusedBeta, pScales = scales)
            fixed (double* pSumG = sumG, pDot = dot)
            {
                long offset = (long)first * Inner;
                float* x = px + offset, g = pg + offset, shifts = pBetas == null ? null : pBetas + first;
                var (blockRows, chunk) = Blocks(Inner);
                for (int n = 0; n < Outer; n += blockRows)
                    for (int at = 0; at < Inner; at += chunk)
                        BatchNormRows.GradientSums(x + n * rowStride + at, g + n * rowStride + at, Slope, group, Inner,
                            Math.Min(blockRows, Outer - n), rowStride, Math.Min(chunk, Inner - at), pMeans, pScales, shifts, pSumG, pDot);
                for (int j = 0; j < group; j++)
                {
                    int ch = first + j;
                    float invStd = InvStd[ch];
                    GGamma[ch] = (float)(dot[j] * invStd);
                    GBeta[ch] = (float)sumG[j];
                    // gx = gamma·invStd·(g − mean(g) − x̂·mean(g·x̂)), with x̂·mean(g·x̂) = (x − mean)·dot·invStd²/m.
                    gMeans[j] = (float)(sumG[j] / m);
                    projections[j] = (float)(dot[j] * invStd * invStd / m);
                }
                if (Gx is not { } gxs) return;
                fixed (float* pgx = gxs, pgMeans = gMeans, pProjections = projections)
                    BatchNormRows.InputGradient(x, g, Slope, pgx + offset, group, Inner, Outer, rowStride, Inner, pMeans, pgMeans,
                        pProjections, pScales, shifts);
            }
        }
    }
}

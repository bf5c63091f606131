namespace GanDsl.Tensors.Kernels;

/// <summary>
/// Training-mode batch normalisation over axis 1 of [N, C, inner]: statistics, normalisation and the fused backward,
/// one channel per part on the persistent pool, each row of a channel through the vector loops of <see cref="BatchNormRows"/>.
/// A channel's sums run in the same order whoever computes them, so the results are bit-identical for any thread count.
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
        float[] runningMean, float[] runningVar, float[] mean, float[] invStd, float[] y, float? leakySlope = null)
    {
        var job = _forward ??= new ForwardJob();
        (job.Outer, job.Channels, job.Inner, job.X, job.Gamma, job.Beta, job.Eps, job.Momentum) = (outer, channels, inner, x, gamma, beta, eps, momentum);
        (job.RunningMean, job.RunningVar, job.Mean, job.InvStd, job.Y) = (runningMean, runningVar, mean, invStd, y);
        (job.Activate, job.Slope) = (leakySlope.HasValue, leakySlope ?? 0f);
        Run(job, channels, x.Length);
        job.Clear();
    }

    /// <summary>
    /// gx = gamma·invStd/m · (m·g − Σg − x̂·Σ(g·x̂)) (when <paramref name="gx"/> is given), gGamma = Σ(g·x̂), gBeta = Σg.
    /// With <paramref name="activated"/> (the output of a forward with a leaky ReLU of <paramref name="leakySlope"/> fused in),
    /// <paramref name="g"/> is the gradient of that output and is taken back through the activation on the way.
    /// </summary>
    public static void Backward(int outer, int channels, int inner, float[] x, float[] g, float[] gamma, float[] mean, float[] invStd,
        float[]? gx, float[] gGamma, float[] gBeta, float[]? activated = null, float leakySlope = 0f)
    {
        var job = _backward ??= new BackwardJob();
        (job.Outer, job.Channels, job.Inner, job.X, job.G, job.Gamma, job.Mean, job.InvStd) = (outer, channels, inner, x, g, gamma, mean, invStd);
        (job.Gx, job.GGamma, job.GBeta, job.Activated, job.Slope) = (gx, gGamma, gBeta, activated, leakySlope);
        Run(job, channels, x.Length);
        job.Clear();
    }

    private static void Run(ParallelJob job, int channels, long floats)
    {
        if (floats < ParallelFloats || channels == 1)
            for (int ch = 0; ch < channels; ch++) job.Run(ch);
        else
            job.RunAll(channels);
    }

    // Sums run over blocks of whole rows, or chunks of one long row, of at most SumChunk values each.
    private static (int Rows, int Chunk) Blocks(int inner) =>
        (Math.Max(1, BatchNormRows.SumChunk / inner), Math.Min(inner, BatchNormRows.SumChunk));

    private sealed class ForwardJob : ParallelJob
    {
        public int Outer, Channels, Inner;
        public float Eps, Momentum, Slope;
        public bool Activate;
        public float[] X = [], Gamma = [], Beta = [], RunningMean = [], RunningVar = [], Mean = [], InvStd = [], Y = [];

        public void Clear() => X = Gamma = Beta = RunningMean = RunningVar = Mean = InvStd = Y = [];

        public override void Run(int ch)
        {
            int m = Outer * Inner;
            long rowStride = (long)Channels * Inner;
            fixed (float* px = X, py = Y)
            {
                float* x = px + (long)ch * Inner, y = py + (long)ch * Inner;
                // Two passes: the mean, then squares centred on it (no cancellation, unlike Σx² − m·mean²). Each pass adds
                // float partials of at most SumChunk values in double.
                var (blockRows, chunk) = Blocks(Inner);
                double sum = 0, sumSq = 0;
                for (int n = 0; n < Outer; n += blockRows)
                    for (int at = 0; at < Inner; at += chunk)
                        sum += BatchNormRows.Sum(x + n * rowStride + at, Math.Min(blockRows, Outer - n), rowStride, Math.Min(chunk, Inner - at), false, 0f);
                double mu = sum / m;
                float mean = (float)mu;
                for (int n = 0; n < Outer; n += blockRows)
                    for (int at = 0; at < Inner; at += chunk)
                        sumSq += BatchNormRows.Sum(x + n * rowStride + at, Math.Min(blockRows, Outer - n), rowStride, Math.Min(chunk, Inner - at), true, mean);
                // Centred on the float mean: Σ(x − mean)² = Σ(x − mu)² + m·(mu − mean)², so take that bit off.
                sumSq = Math.Max(sumSq - m * (mu - mean) * (mu - mean), 0);
                float invStd = (float)(1.0 / Math.Sqrt(sumSq / m + Eps));
                Mean[ch] = mean;
                InvStd[ch] = invStd;
                RunningMean[ch] = (1 - Momentum) * RunningMean[ch] + Momentum * mean;
                RunningVar[ch] = (1 - Momentum) * RunningVar[ch] + Momentum * (float)(sumSq / (m - 1));

                BatchNormRows.Normalize(x, y, Outer, rowStride, Inner, mean, invStd * Gamma[ch], Beta[ch], Activate, Slope);
            }
        }
    }

    private sealed class BackwardJob : ParallelJob
    {
        public int Outer, Channels, Inner;
        public float[] X = [], G = [], Gamma = [], Mean = [], InvStd = [], GGamma = [], GBeta = [];
        public float[]? Gx, Activated;
        public float Slope;

        public void Clear()
        {
            X = G = Gamma = Mean = InvStd = GGamma = GBeta = [];
            Gx = Activated = null;
        }

        public override void Run(int ch)
        {
            int m = Outer * Inner;
            long rowStride = (long)Channels * Inner;
            float mean = Mean[ch], invStd = InvStd[ch];
            fixed (float* px = X, pg = G, pa = Activated)
            {
                float* x = px + (long)ch * Inner, g = pg + (long)ch * Inner, a = pa == null ? null : pa + (long)ch * Inner;
                var (blockRows, chunk) = Blocks(Inner);
                double sumG = 0, dot = 0; // Σg and Σg·(x − mean)
                for (int n = 0; n < Outer; n += blockRows)
                    for (int at = 0; at < Inner; at += chunk)
                    {
                        var (partG, partDot) = BatchNormRows.GradientSums(x + n * rowStride + at, g + n * rowStride + at,
                            a == null ? null : a + n * rowStride + at, Slope, Math.Min(blockRows, Outer - n), rowStride, Math.Min(chunk, Inner - at), mean);
                        sumG += partG;
                        dot += partDot;
                    }
                GGamma[ch] = (float)(dot * invStd);
                GBeta[ch] = (float)sumG;
                if (Gx is not { } gxs) return;

                // gx = gamma·invStd·(g − mean(g) − x̂·mean(g·x̂)), with x̂·mean(g·x̂) = (x − mean)·dot·invStd²/m.
                float gMean = (float)(sumG / m), projection = (float)(dot * invStd * invStd / m), scale = Gamma[ch] * invStd;
                fixed (float* pgx = gxs)
                {
                    float* gx = pgx + (long)ch * Inner;
                    BatchNormRows.InputGradient(x, g, a, Slope, gx, Outer, rowStride, Inner, mean, gMean, projection, scale);
                }
            }
        }
    }
}

using System.Runtime.CompilerServices;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// Training-mode batch normalisation over axis 1 of [N, C, inner]: statistics, normalisation and the fused backward, a
/// group of adjacent channels per part on the persistent pool (enough short planes to read about 4 KiB of each sample at
/// a time; one channel, a chunk at a time, where a plane is long), through the element-wise loops of
/// <see cref="BatchNormRows"/>. A channel's sums run in the same order whoever computes them, whatever its group and
/// whatever the vector width, so the results are bit-identical for any thread count and any width.
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
    /// Channels per part: enough planes of <paramref name="inner"/> values for about <see cref="RunTarget"/> floats of each
    /// sample in a row (a lone 4×4 plane is one cache line, 8 KiB from the next sample's), at most <see cref="MaxGroup"/>,
    /// and the parts a multiple of the thread count, at least two a thread, so no thread waits on another's extra part.
    /// The grouping changes only the order of memory reads, never a result.
    /// </summary>
    private static int GroupSize(int channels, int inner, int? maxGroup)
    {
        int group = Math.Clamp(RunTarget / Math.Max(inner, 1), 1, Math.Min(maxGroup ?? MaxGroup, MaxGroup));
        int threads = KernelSettings.Threads;
        int parts = Math.Max((channels + group - 1) / group, 2 * threads);
        parts = (parts + threads - 1) / threads * threads;
        return Math.Max(1, (channels + parts - 1) / parts);
    }

    /// <summary>The floats of each sample a part aims to read in one run.</summary>
    private const int RunTarget = 1024;

    /// <summary>The most channels in a part (1024 one-value planes of BatchNorm1d).</summary>
    public const int MaxGroup = RunTarget;

    /// <summary>
    /// The most positions a part keeps accumulators for: a group's planes fit (at most <see cref="RunTarget"/> floats), and
    /// a longer plane (a part of its own) is taken this many positions at a time.
    /// </summary>
    public const int PositionChunk = 4096;

    // The part's runs: the group's planes whole, or a long plane a chunk at a time. Depends on inner alone (a chunked
    // plane is always a group of one), so a channel's runs are the same in every grouping.
    private static int RunLength(int group, int inner) => inner > PositionChunk ? PositionChunk : group * inner;

    /// <summary>
    /// Adds into <c>into[j]</c> the accumulators of channel j's positions in a run of <paramref name="length"/> (the run
    /// starts at a channel's first position, or inside a chunked plane): four double chains by position, a fixed pattern
    /// from the channel's start, so the sum does not depend on which channels share the run.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddUp(float* acc, int length, int inner, double* into)
    {
        for (int start = 0, j = 0; start < length; start += inner, j++)
        {
            int end = Math.Min(start + inner, length), p = start;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (; p + 4 <= end; p += 4) (s0, s1, s2, s3) = (s0 + acc[p], s1 + acc[p + 1], s2 + acc[p + 2], s3 + acc[p + 3]);
            for (; p < end; p++) s0 += acc[p];
            into[j] += (s0 + s1) + (s2 + s3);
        }
    }

    // into[p] = perChannel[channel of position at + p] over a run.
    private static void Expand(float* perChannel, int at, int length, int inner, float* into)
    {
        for (int p = 0; p < length;)
        {
            int channel = (at + p) / inner, end = Math.Min(length, (channel + 1) * inner - at);
            new Span<float>(into + p, end - p).Fill(perChannel[channel]);
            p = end;
        }
    }

    private static void Zero(float* values, int count) => new Span<float>(values, count).Clear();

    private sealed class ForwardJob : ParallelJob
    {
        public int Outer, Channels, Inner, Group;
        public float Eps, Momentum, Slope;
        public bool Activate;
        public float[] X = [], Gamma = [], Beta = [], RunningMean = [], RunningVar = [], Mean = [], InvStd = [], Y = [];

        public void Clear() => X = Gamma = Beta = RunningMean = RunningVar = Mean = InvStd = Y = [];

        public override void Run(int part)
        {
            int first = part * Group, group = Math.Min(Group, Channels - first), m = Outer * Inner, length = group * Inner;
            int run = RunLength(group, Inner);
            long rowStride = (long)Channels * Inner;
            var s = BatchNormScratch.ForCurrentThread;
            double* sums = s.ChannelSums, sumSqs = s.ChannelSecondSums;
            float* means = s.ChannelMeans, scales = s.ChannelScales;
            for (int j = 0; j < group; j++) sums[j] = sumSqs[j] = 0;
            fixed (float* px = X, py = Y, pBeta = &Beta[first])
            {
                float* x = px + (long)first * Inner, y = py + (long)first * Inner;
                // Two passes: the mean, then squares centred on it (no cancellation, unlike Σx² − m·mean²).
                SumRuns(x, rowStride, length, run, null, s, sums);
                for (int j = 0; j < group; j++) means[j] = (float)(sums[j] / m);
                SumRuns(x, rowStride, length, run, means, s, sumSqs);
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
                for (int at = 0; at < length; at += run)
                {
                    int count = Math.Min(run, length - at);
                    Expand(means, at, count, Inner, s.Centers);
                    Expand(scales, at, count, Inner, s.Scales);
                    Expand(pBeta, at, count, Inner, s.Shifts);
                    BatchNormRows.Normalize(x + at, y + at, rowStride, Outer, count, s.Centers, s.Scales, s.Shifts, Activate, Slope);
                }
            }
        }

        // into[j] += channel j's Σx over the part's runs, or Σ(x − centers[j])² when centers is given. Each accumulator
        // adds at most RowsPerPartial rows in float before it is taken into double.
        private void SumRuns(float* x, long rowStride, int length, int run, float* centers, BatchNormScratch s, double* into)
        {
            for (int at = 0; at < length; at += run)
            {
                int count = Math.Min(run, length - at);
                if (centers != null) Expand(centers, at, count, Inner, s.Centers);
                for (int n = 0; n < Outer; n += BatchNormRows.RowsPerPartial)
                {
                    Zero(s.Sums, count);
                    BatchNormRows.Sums(x + n * rowStride + at, rowStride, Math.Min(BatchNormRows.RowsPerPartial, Outer - n), count,
                        centers == null ? null : s.Centers, s.Sums);
                    AddUp(s.Sums, count, Inner, into + at / Inner);
                }
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
            int first = part * Group, group = Math.Min(Group, Channels - first), m = Outer * Inner, length = group * Inner;
            int run = RunLength(group, Inner);
            long rowStride = (long)Channels * Inner;
            var s = BatchNormScratch.ForCurrentThread;
            double* sumG = s.ChannelSums, dot = s.ChannelSecondSums; // Σg and Σg·(x − mean)
            float* scales = s.ChannelScales, gMeans = s.ChannelGMeans, projections = s.ChannelProjections;
            for (int j = 0; j < group; j++) sumG[j] = dot[j] = 0;
            // gamma·invStd: the forward's scale (the same product) for the fused activation's input, and the gradient's.
            for (int j = 0; j < group; j++) scales[j] = Gamma[first + j] * InvStd[first + j];
            fixed (float* px = X, pg = G, pMeans = &Mean[first], pBetas = FusedBeta)
            {
                long offset = (long)first * Inner;
                float* x = px + offset, g = pg + offset, betas = pBetas == null ? null : pBetas + first;
                float* shifts = betas == null ? null : s.Shifts;
                for (int at = 0; at < length; at += run)
                {
                    int count = Math.Min(run, length - at);
                    ExpandConstants(at, count, pMeans, scales, betas, s);
                    for (int n = 0; n < Outer; n += BatchNormRows.RowsPerPartial)
                    {
                        Zero(s.Sums, count);
                        Zero(s.SecondSums, count);
                        BatchNormRows.GradientSums(x + n * rowStride + at, g + n * rowStride + at, rowStride,
                            Math.Min(BatchNormRows.RowsPerPartial, Outer - n), count, s.Centers, s.Scales, shifts, Slope, s.Sums, s.SecondSums);
                        AddUp(s.Sums, count, Inner, sumG + at / Inner);
                        AddUp(s.SecondSums, count, Inner, dot + at / Inner);
                    }
                }
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
                fixed (float* pgx = gxs)
                    for (int at = 0; at < length; at += run)
                    {
                        int count = Math.Min(run, length - at);
                        ExpandConstants(at, count, pMeans, scales, betas, s);
                        Expand(gMeans, at, count, Inner, s.GMeans);
                        Expand(projections, at, count, Inner, s.Projections);
                        BatchNormRows.InputGradient(x + at, g + at, pgx + offset + at, rowStride, Outer, count, s.Centers, s.Scales,
                            shifts, Slope, s.GMeans, s.Projections);
                    }
            }
        }

        private void ExpandConstants(int at, int count, float* means, float* scales, float* betas, BatchNormScratch s)
        {
            Expand(means, at, count, Inner, s.Centers);
            Expand(scales, at, count, Inner, s.Scales);
            if (betas != null) Expand(betas, at, count, Inner, s.Shifts);
        }
    }
}

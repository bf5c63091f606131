namespace GanDsl.Tensors.Kernels;

/// <summary>
/// Training-mode batch normalisation over axis 1 of [N, C, inner]: statistics, normalisation and the fused backward,
/// one channel per part on the persistent pool. A channel's sums run in the same order whoever computes them, so the
/// results are bit-identical for any thread count.
/// </summary>
internal static unsafe class BatchNormKernel
{
    private const long ParallelFloats = 32 * 1024;

    [ThreadStatic] private static ForwardJob? forward;
    [ThreadStatic] private static BackwardJob? backward;

    /// <summary>
    /// Per channel: mean and 1/√(var + eps) (biased variance, double-precision sums) into <paramref name="mean"/> and
    /// <paramref name="invStd"/>, the running statistics updated with <paramref name="momentum"/> (unbiased variance),
    /// and y = (x − mean)·invStd·gamma + beta.
    /// </summary>
    public static void Forward(int outer, int channels, int inner, float[] x, float[] gamma, float[] beta, float eps, float momentum,
        float[] runningMean, float[] runningVar, float[] mean, float[] invStd, float[] y)
    {
        var job = forward ??= new ForwardJob();
        (job.Outer, job.Channels, job.Inner, job.X, job.Gamma, job.Beta, job.Eps, job.Momentum) = (outer, channels, inner, x, gamma, beta, eps, momentum);
        (job.RunningMean, job.RunningVar, job.Mean, job.InvStd, job.Y) = (runningMean, runningVar, mean, invStd, y);
        Run(job, channels, x.Length);
        job.Clear();
    }

    /// <summary>
    /// gx = gamma·invStd/m · (m·g − Σg − x̂·Σ(g·x̂)) (when <paramref name="gx"/> is given), gGamma = Σ(g·x̂), gBeta = Σg.
    /// </summary>
    public static void Backward(int outer, int channels, int inner, float[] x, float[] g, float[] gamma, float[] mean, float[] invStd,
        float[]? gx, float[] gGamma, float[] gBeta)
    {
        var job = backward ??= new BackwardJob();
        (job.Outer, job.Channels, job.Inner, job.X, job.G, job.Gamma, job.Mean, job.InvStd) = (outer, channels, inner, x, g, gamma, mean, invStd);
        (job.Gx, job.GGamma, job.GBeta) = (gx, gGamma, gBeta);
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

    private sealed class ForwardJob : ParallelJob
    {
        public int Outer, Channels, Inner;
        public float Eps, Momentum;
        public float[] X = [], Gamma = [], Beta = [], RunningMean = [], RunningVar = [], Mean = [], InvStd = [], Y = [];

        public void Clear() => X = Gamma = Beta = RunningMean = RunningVar = Mean = InvStd = Y = [];

        public override void Run(int ch)
        {
            int m = Outer * Inner;
            double sum = 0, sumSq = 0;
            for (int n = 0; n < Outer; n++)
                foreach (var v in X.AsSpan((n * Channels + ch) * Inner, Inner)) sum += v;
            double mu = sum / m;
            for (int n = 0; n < Outer; n++)
                foreach (var v in X.AsSpan((n * Channels + ch) * Inner, Inner)) sumSq += (v - mu) * (v - mu);
            double variance = sumSq / m;
            float mean = (float)mu, invStd = (float)(1.0 / Math.Sqrt(variance + Eps));
            Mean[ch] = mean;
            InvStd[ch] = invStd;
            RunningMean[ch] = (1 - Momentum) * RunningMean[ch] + Momentum * mean;
            RunningVar[ch] = (1 - Momentum) * RunningVar[ch] + Momentum * (float)(sumSq / (m - 1));

            float gamma = Gamma[ch], beta = Beta[ch];
            for (int n = 0; n < Outer; n++)
            {
                int at = (n * Channels + ch) * Inner;
                var xs = X.AsSpan(at, Inner);
                var ys = Y.AsSpan(at, Inner);
                for (int i = 0; i < xs.Length; i++) ys[i] = (xs[i] - mean) * invStd * gamma + beta;
            }
        }
    }

    private sealed class BackwardJob : ParallelJob
    {
        public int Outer, Channels, Inner;
        public float[] X = [], G = [], Gamma = [], Mean = [], InvStd = [], GGamma = [], GBeta = [];
        public float[]? Gx;

        public void Clear()
        {
            X = G = Gamma = Mean = InvStd = GGamma = GBeta = [];
            Gx = null;
        }

        public override void Run(int ch)
        {
            int m = Outer * Inner;
            float mean = Mean[ch], invStd = InvStd[ch];
            double sumG = 0, sumGXhat = 0;
            for (int n = 0; n < Outer; n++)
            {
                int at = (n * Channels + ch) * Inner;
                var xs = X.AsSpan(at, Inner);
                var gs = G.AsSpan(at, Inner);
                for (int i = 0; i < xs.Length; i++)
                {
                    float xhat = (xs[i] - mean) * invStd;
                    sumG += gs[i];
                    sumGXhat += gs[i] * xhat;
                }
            }
            GGamma[ch] = (float)sumGXhat;
            GBeta[ch] = (float)sumG;
            if (Gx is not { } gx) return;

            float k = Gamma[ch] * invStd / m;
            for (int n = 0; n < Outer; n++)
            {
                int at = (n * Channels + ch) * Inner;
                var xs = X.AsSpan(at, Inner);
                var gs = G.AsSpan(at, Inner);
                var rs = gx.AsSpan(at, Inner);
                for (int i = 0; i < xs.Length; i++)
                {
                    float xhat = (xs[i] - mean) * invStd;
                    rs[i] = k * (float)(m * gs[i] - sumG - xhat * sumGXhat);
                }
            }
        }
    }
}

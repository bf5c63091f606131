using System.Globalization;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Benchmarks;

/// <summary>
/// `--bn [threads] [rounds]`: the training-mode batch norm of dcgan's three shapes at batch 128 (both nets have them),
/// forward with the ReLU fused and backward through it, in ns per value, beside a plain copy of the same floats for the
/// memory-bound floor. On one thread the clock is the thread's CPU time (see <see cref="ConvAb"/>).
/// </summary>
internal static class BatchNormBench
{
    private static readonly (int Channels, int Inner)[] Shapes = [(32, 196), (64, 49), (128, 16)];

    public static void Run(int threads, int rounds)
    {
        KernelSettings.Threads = threads;
        bool cpuClock = threads == 1;
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"Batch norm of dcgan's shapes, batch 128, threads {threads}, median of {rounds} rounds, ns per value");
        Console.WriteLine(string.Format(inv, "{0,-16} {1,10} {2,10} {3,10}", "shape", "forward", "backward", "copy"));
        foreach (var (channels, inner) in Shapes)
        {
            var s = Environment.GetEnvironmentVariable("BN_FLAT") == "1" ? new Buffers(1, channels, inner * 128) : new Buffers(128, channels, inner);
            int reps = Math.Max(4, 20_000_000 / s.X.Length);
            double forward = Median(rounds, () => BenchClock.PerCall(reps, cpuClock, s.Forward));
            double backward = Median(rounds, () => BenchClock.PerCall(reps, cpuClock, s.Backward));
            double copy = Median(rounds, () => BenchClock.PerCall(reps, cpuClock, () => s.X.AsSpan().CopyTo(s.Y)));
            double perValue = 1e6 / s.X.Length; // ms per call → ns per value
            Console.WriteLine(string.Format(inv, "{0,-16} {1,10:F3} {2,10:F3} {3,10:F3}",
                $"[128,{channels},{inner}]", forward * perValue, backward * perValue, copy * perValue));
        }
    }

    private static double Median(int rounds, Func<double> measure)
    {
        var values = Enumerable.Range(0, rounds).Select(_ => measure()).Order().ToArray();
        return values[values.Length / 2];
    }

    private sealed class Buffers
    {
        private readonly int _outer, _channels, _inner;
        public readonly float[] X, Y, G, Gx;
        private readonly float[] _gamma, _beta, _runningMean, _runningVar, _mean, _invStd, _gGamma, _gBeta;

        public Buffers(int outer, int channels, int inner)
        {
            (_outer, _channels, _inner) = (outer, channels, inner);
            var random = new Random(1);
            float[] Fill(int n) => Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            X = Fill(outer * channels * inner);
            G = Fill(X.Length);
            (Y, Gx) = (new float[X.Length], new float[X.Length]);
            (_gamma, _beta) = (Fill(channels), Fill(channels));
            (_runningMean, _runningVar, _mean, _invStd) = (new float[channels], new float[channels], new float[channels], new float[channels]);
            (_gGamma, _gBeta) = (new float[channels], new float[channels]);
        }

        public void Forward() => BatchNormKernel.Forward(_outer, _channels, _inner, X, _gamma, _beta, 1e-5f, 0.1f,
            _runningMean, _runningVar, _mean, _invStd, Y, leakySlope: 0f);

        public void Backward() => BatchNormKernel.Backward(_outer, _channels, _inner, X, G, _gamma, _mean, _invStd,
            Gx, _gGamma, _gBeta, fusedBeta: _beta, leakySlope: 0f);
    }
}

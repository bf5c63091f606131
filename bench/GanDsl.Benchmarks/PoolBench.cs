using System.Globalization;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Benchmarks;

/// <summary>
/// `--pool [threads] [rounds] [width]`: max pooling's winners (2×2, stride 2) on lightning-cnn's two discriminator maps at
/// batch 128, in ns per window, on random values (whose winners no branch predictor guesses). On one thread the clock is
/// the thread's CPU time (see <see cref="ConvAb"/>).
/// </summary>
internal static class PoolBench
{
    private static readonly (int Channels, int Size)[] Shapes = [(10, 24), (20, 8)];

    public static void Run(int threads, int rounds, VectorWidth width)
    {
        KernelSettings.Threads = threads;
        KernelSettings.VectorWidth = width;
        bool cpuClock = threads == 1;
        Console.WriteLine($"Max pooling winners 2x2/2, batch 128, threads {threads}, width {width}, median of {rounds} rounds, ns per window");
        foreach (var (channels, size) in Shapes)
        {
            int planes = 128 * channels, windows = planes * (size / 2) * (size / 2);
            var random = new Random(1);
            var x = new float[planes * size * size];
            for (int i = 0; i < x.Length; i++) x[i] = (float)random.NextDouble();
            var index = new int[windows];
            int reps = Math.Max(4, 20_000_000 / x.Length);
            // Warm up past tiered compilation's first tiers (a call count, then a background recompile).
            for (int i = 0; i < 100; i++) MaxPoolKernel.Winners(x, index, planes, size, size, 2, 2);
            Thread.Sleep(200);
            var values = Enumerable.Range(0, rounds).Select(_ => BenchClock.PerCall(reps, cpuClock,
                () => MaxPoolKernel.Winners(x, index, planes, size, size, 2, 2))).Order().ToArray();
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "[128,{0},{1},{1}] {2,10:F3}", channels, size,
                values[values.Length / 2] * 1e6 / windows));
        }
    }
}

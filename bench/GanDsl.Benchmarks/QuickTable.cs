using System.Diagnostics;
using System.Globalization;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Benchmarks;

/// <summary>
/// `--quick`: a Stopwatch sweep over the same cases, printed in bench/openblas_gemm.py's format, so
/// the two tables can be pasted side by side. Best of 7 rounds of at least ~30 ms each, after warm-up.
/// </summary>
internal static class QuickTable
{
    public static void Run(int threads, VectorWidth width)
    {
        KernelSettings.Threads = threads;
        KernelSettings.VectorWidth = width;
        var rng = new Random(42);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"GanDsl GEMM, vector width {(width == VectorWidth.Auto ? KernelSettings.BestAvailable : width)}, threads {threads}");
        double totalFlop = 0, totalSeconds = 0;
        foreach (var g in GemmCase.MlpGan())
        {
            var a = GemmBenchmarks.Fill(rng, g.M * g.K);
            var b = GemmBenchmarks.Fill(rng, g.K * g.N);
            var c = new float[g.M * g.N];
            void Once() => Gemm.Multiply(g.TransA, g.TransB, g.M, g.N, g.K, a, b, c);
            long warm = Stopwatch.GetTimestamp(); // let tiered compilation finish
            while (Stopwatch.GetElapsedTime(warm).TotalSeconds < 0.3) Once();
            double best = double.MaxValue;
            for (int round = 0; round < 7; round++)
            {
                long start = Stopwatch.GetTimestamp();
                int reps = 0;
                double elapsed;
                do
                {
                    Once();
                    reps++;
                    elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
                }
                while (elapsed < 0.03);
                best = Math.Min(best, elapsed / reps);
            }

            totalFlop += g.Flop;
            totalSeconds += best;
            Console.WriteLine(string.Format(inv, "{0,-16} m={1,5} n={2,5} k={3,5}  {4,8:F4} ms  {5,7:F1} GFLOP/s",
                g.Name, g.M, g.N, g.K, best * 1e3, g.Flop / best / 1e9));
        }

        Console.WriteLine(string.Format(inv, "{0,-16} {1,8:F3} ms  {2,7:F1} GFLOP/s", "all (sum)", totalSeconds * 1e3, totalFlop / totalSeconds / 1e9));
    }
}

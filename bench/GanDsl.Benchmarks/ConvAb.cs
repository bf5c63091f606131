using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using GanDsl.Tensors;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Benchmarks;

/// <summary>
/// `--conv MODEL [threads] [rounds]`: every convolution call of one training step of MODEL (<see cref="ConvLayer.Of"/>),
/// timed on the reference path (<see cref="ConvAlgorithm.Lowered"/>: im2col/col2im around one GEMM) and on the path the
/// kernels pick (<see cref="ConvAlgorithm.Auto"/>) in alternating blocks of the same process, with the median block per
/// path. On one thread the clock is the thread's CPU time (clock_gettime(CLOCK_THREAD_CPUTIME_ID)), which other processes
/// on a busy machine inflate only through the caches, not through waiting; on more threads it is the wall clock.
/// Also prints the largest difference between the two paths' results, relative to 1 + |reference|.
/// </summary>
internal static class ConvAb
{
    public static void Run(string model, int threads, int rounds, ConvAlgorithm candidate = ConvAlgorithm.Auto)
    {
        KernelSettings.Threads = threads;
        bool cpuClock = threads == 1;
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"Convolutions of one {model} step, vector width {KernelSettings.BestAvailable}, threads {threads}, " +
            $"{(cpuClock ? "thread CPU time" : "wall clock")}, median of {rounds} alternating blocks per path; candidate {candidate} where it applies, else Auto");
        Console.WriteLine(string.Format(inv, "{0,-28} {1,-10} {2,5} {3,10} {4,10} {5,7} {6,9} {7,9} {8,9}",
            "layer", "map", "calls", "lowered ms", "auto ms", "ratio", "auto GF/s", "max diff", "GEMM ms"));
        double oldStep = 0, newStep = 0;
        foreach (var layer in ConvLayer.Of(model))
        foreach (var (map, count) in layer.Calls())
        {
            if (count == 0) continue;
            var call = new Call(layer.Geometry, map, candidate);
            double diff = call.MaxDifference();
            var (oldMs, newMs) = Time(call, rounds, cpuClock);
            oldStep += count * oldMs;
            newStep += count * newMs;
            double gemmMs = call.LoweredGemmMs(cpuClock);
            Console.WriteLine(string.Format(inv, "{0,-28} {1,-10} {2,5} {3,10:F3} {4,10:F3} {5,7:F2} {6,9:F1} {7,9:E1} {8,9:F3}",
                layer.Name, map, count, oldMs, newMs, newMs / oldMs, 2.0 * layer.MultiplyAdds / (newMs * 1e6), diff, gemmMs));
        }

        Console.WriteLine(string.Format(inv, "{0,-28} {1,-10} {2,5} {3,10:F2} {4,10:F2} {5,7:F2}", "step (calls x median)", "", "", oldStep, newStep, newStep / oldStep));
    }

    private static (double Old, double New) Time(Call call, int rounds, bool cpuClock)
    {
        // Warm both paths (scratch buffers, and tiered compilation: a path's loops run unoptimised code for its first 30
        // calls and until the optimised code is compiled in the background, so a few warm-up calls let whichever layer
        // first used a path look up to twice as slow as a later layer of the same shape), then size a block to about
        // 30 ms of the reference path.
        var warm = Stopwatch.StartNew();
        for (int i = 0; i < 40 || warm.ElapsedMilliseconds < 300; i++) { call.Run(ConvAlgorithm.Lowered); call.Run(call.Candidate); }
        double once = Measure(call, ConvAlgorithm.Lowered, 1, cpuClock);
        int reps = Math.Clamp((int)(30 / Math.Max(once, 1e-3)), 1, 1000);
        var old = new List<double>();
        var now = new List<double>();
        for (int r = 0; r < rounds; r++)
        {
            bool oldFirst = r % 2 == 0;
            if (oldFirst) old.Add(Measure(call, ConvAlgorithm.Lowered, reps, cpuClock));
            now.Add(Measure(call, call.Candidate, reps, cpuClock));
            if (!oldFirst) old.Add(Measure(call, ConvAlgorithm.Lowered, reps, cpuClock));
        }

        return (Median(old), Median(now));
    }

    private static double Measure(Call call, ConvAlgorithm algorithm, int reps, bool cpuClock)
    {
        double start = cpuClock ? ThreadCpuMs() : Stopwatch.GetTimestamp();
        for (int i = 0; i < reps; i++) call.Run(algorithm);
        double elapsed = cpuClock ? ThreadCpuMs() - start : Stopwatch.GetElapsedTime((long)start).TotalMilliseconds;
        return elapsed / reps;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private sealed class Call
    {
        private readonly ConvGeometry _g;
        private readonly ConvMap _map;
        private readonly float[] _x, _w, _y;

        private readonly ConvAlgorithm _candidate;

        public Call(ConvGeometry g, ConvMap map, ConvAlgorithm candidate)
        {
            (this._g, this._map) = (g, map);
            this._candidate = Convolution.Applies(candidate, g, map) ? candidate : ConvAlgorithm.Auto;
            var rng = new Rng(5);
            _x = Fill(rng, g.Batch * g.InChannels * g.InPlane);
            _w = Fill(rng, g.OutChannels * g.PatchSize);
            _y = Fill(rng, g.Batch * g.OutChannels * g.OutPlane);
            Output = new float[map switch { ConvMap.Forward => _y.Length, ConvMap.InputGrad => _x.Length, _ => _w.Length }];
        }

        public float[] Output { get; }

        public ConvAlgorithm Candidate => _candidate;

        public void Run(ConvAlgorithm algorithm)
        {
            switch (_map)
            {
                case ConvMap.Forward: Convolution.Forward(_g, _x, _w, Output, algorithm); break;
                case ConvMap.InputGrad: Convolution.InputGrad(_g, _y, _w, Output, algorithm); break;
                default: Convolution.WeightGrad(_g, _x, _y, Output, algorithm); break;
            }
        }

        /// <summary>The time of the lowered path's GEMM alone (same sizes and transposes, fresh operands): what lowering adds is the rest.</summary>
        public double LoweredGemmMs(bool cpuClock)
        {
            int np = _g.Batch * _g.OutPlane;
            var (transA, transB, m, n, k) = _map switch
            {
                ConvMap.Forward => (false, false, _g.OutChannels, np, _g.PatchSize),
                ConvMap.InputGrad => (true, false, _g.PatchSize, np, _g.OutChannels),
                _ => (false, true, _g.OutChannels, _g.PatchSize, np),
            };
            var a = new float[(long)m * k];
            var b = new float[(long)k * n];
            var c = new float[(long)m * n];
            void Once() => Gemm.Multiply(transA, transB, m, n, k, a, b, c);
            for (int i = 0; i < 3; i++) Once();
            var times = new List<double>();
            for (int r = 0; r < 5; r++)
            {
                double start = cpuClock ? ThreadCpuMs() : Stopwatch.GetTimestamp();
                for (int i = 0; i < 3; i++) Once();
                times.Add((cpuClock ? ThreadCpuMs() - start : Stopwatch.GetElapsedTime((long)start).TotalMilliseconds) / 3);
            }
            return Median(times);
        }

        public double MaxDifference()
        {
            Run(ConvAlgorithm.Lowered);
            var reference = (float[])Output.Clone();
            Run(_candidate);
            double max = 0;
            for (int i = 0; i < reference.Length; i++)
                max = Math.Max(max, Math.Abs(Output[i] - reference[i]) / (1 + Math.Abs(reference[i])));
            return max;
        }

        private static float[] Fill(Rng rng, int count)
        {
            var v = new float[count];
            rng.FillUniform(v, -1f, 1f);
            return v;
        }
    }

    internal static double ThreadCpuMs()
    {
        if (ClockGetTime(ThreadCpuClock, out var t) != 0) throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed.");
        return t.Seconds * 1e3 + t.Nanoseconds / 1e6;
    }

    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID on Linux

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}

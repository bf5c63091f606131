using System.Diagnostics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GanDsl.Benchmarks;

/// <summary>
/// `--peak`: the CPU's arithmetic ceiling for the GEMM, measured rather than looked up. Twelve independent
/// FMA chains (enough to cover the FMA latency on two pipes) run from registers, first on one thread,
/// then on two at once, with 256-bit vectors and, where the CPU has AVX-512, with 512-bit ones (the width the GEMM's
/// widest kernel uses: on a CPU with full-width 512-bit pipes, such as Zen 5, that ceiling is twice the 256-bit one).
/// If two threads reach twice one thread's GFLOP/s, the vCPUs are separate cores and a GEMM that scales less than
/// that is held back by memory, not arithmetic.
/// </summary>
internal static class FmaPeak
{
    private const long Iterations = 200_000_000;
    private const int Chains = 12;

    public static void Run(int rounds)
    {
        if (!Fma.IsSupported || !Vector256.IsHardwareAccelerated)
        {
            Console.WriteLine("This CPU has no 256-bit FMA, so --peak has nothing to measure.");
            return;
        }

        var widths = new List<(int Bits, Func<long, float> Burn)> { (256, Burn) };
        if (Avx512F.IsSupported) widths.Add((512, Burn512));
        foreach (var (_, burn) in widths) burn(1_000); // compiled before timing
        for (int round = 0; round < rounds; round++)
            foreach (var (bits, burn) in widths)
                foreach (int threads in new[] { 1, 2 })
                {
                    var clock = Stopwatch.StartNew();
                    var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() => burn(Iterations))).ToList();
                    workers.ForEach(w => w.Start());
                    workers.ForEach(w => w.Join());
                    double flopPerIteration = Chains * (bits / 32) * 2.0; // chains × lanes × (multiply + add)
                    double gflops = threads * Iterations * flopPerIteration / clock.Elapsed.TotalSeconds / 1e9;
                    Console.WriteLine($"FMA peak, {bits}-bit, {threads} thread(s): {gflops,6:F1} GFLOP/s in all, {gflops / threads,6:F1} per thread");
                }
    }

    // The result is returned so the JIT cannot drop the loop; the values stay finite (x < 1 pulls them towards y/(1-x)).
    private static float Burn(long iterations)
    {
        var a0 = Vector256.Create(1f); var a1 = a0; var a2 = a0; var a3 = a0; var a4 = a0; var a5 = a0;
        var a6 = a0; var a7 = a0; var a8 = a0; var a9 = a0; var a10 = a0; var a11 = a0;
        var x = Vector256.Create(0.999999f);
        var y = Vector256.Create(1e-7f);
        for (long i = 0; i < iterations; i++)
        {
            a0 = Fma.MultiplyAdd(a0, x, y); a1 = Fma.MultiplyAdd(a1, x, y); a2 = Fma.MultiplyAdd(a2, x, y);
            a3 = Fma.MultiplyAdd(a3, x, y); a4 = Fma.MultiplyAdd(a4, x, y); a5 = Fma.MultiplyAdd(a5, x, y);
            a6 = Fma.MultiplyAdd(a6, x, y); a7 = Fma.MultiplyAdd(a7, x, y); a8 = Fma.MultiplyAdd(a8, x, y);
            a9 = Fma.MultiplyAdd(a9, x, y); a10 = Fma.MultiplyAdd(a10, x, y); a11 = Fma.MultiplyAdd(a11, x, y);
        }

        return (a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11).GetElement(0);
    }

    private static float Burn512(long iterations)
    {
        var a0 = Vector512.Create(1f); var a1 = a0; var a2 = a0; var a3 = a0; var a4 = a0; var a5 = a0;
        var a6 = a0; var a7 = a0; var a8 = a0; var a9 = a0; var a10 = a0; var a11 = a0;
        var x = Vector512.Create(0.999999f);
        var y = Vector512.Create(1e-7f);
        for (long i = 0; i < iterations; i++)
        {
            a0 = Avx512F.FusedMultiplyAdd(a0, x, y); a1 = Avx512F.FusedMultiplyAdd(a1, x, y); a2 = Avx512F.FusedMultiplyAdd(a2, x, y);
            a3 = Avx512F.FusedMultiplyAdd(a3, x, y); a4 = Avx512F.FusedMultiplyAdd(a4, x, y); a5 = Avx512F.FusedMultiplyAdd(a5, x, y);
            a6 = Avx512F.FusedMultiplyAdd(a6, x, y); a7 = Avx512F.FusedMultiplyAdd(a7, x, y); a8 = Avx512F.FusedMultiplyAdd(a8, x, y);
            a9 = Avx512F.FusedMultiplyAdd(a9, x, y); a10 = Avx512F.FusedMultiplyAdd(a10, x, y); a11 = Avx512F.FusedMultiplyAdd(a11, x, y);
        }

        return (a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11).GetElement(0);
    }
}

namespace GanDsl.Benchmarks;

/// <summary>Milliseconds per call of a kernel run over and over: the thread's CPU time on one thread (see <see cref="ConvAb"/>), else wall clock.</summary>
internal static class BenchClock
{
    public static double PerCall(int reps, bool cpuClock, Action call)
    {
        call();
        double start = cpuClock ? ConvAb.ThreadCpuMs() : System.Diagnostics.Stopwatch.GetTimestamp();
        for (int i = 0; i < reps; i++) call();
        double elapsed = cpuClock ? ConvAb.ThreadCpuMs() - start
            : System.Diagnostics.Stopwatch.GetElapsedTime((long)start).TotalMilliseconds;
        return elapsed / reps;
    }
}

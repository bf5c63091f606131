using System.Runtime.Intrinsics;

namespace GanDsl.Tensors.Kernels;

/// <summary>Which micro-kernel family <see cref="Gemm"/> uses.</summary>
public enum GemmPath
{
    /// <summary>The widest path the CPU accelerates: Vector512, else Vector256, else scalar.</summary>
    Auto,
    Vector512,
    Vector256,
    Scalar,
}

/// <summary>
/// Process-wide switches read by every <see cref="Gemm.Multiply(bool, bool, int, int, int, ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, bool)"/>
/// call (the one stated exception to "no global mutable state"): tests force a path, benchmarks pin the thread count.
/// Every path and thread count gives results within rounding of each other; for one path, results are
/// bit-identical whatever the thread count.
/// </summary>
public static class GemmSettings
{
    private static volatile GemmPath path = GemmPath.Auto;
    private static volatile int threads = Environment.ProcessorCount;

    public static GemmPath Path
    {
        get => path;
        set => path = Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "GemmSettings.Path must be Auto, Vector512, Vector256 or Scalar.");
    }

    /// <summary>How many threads (the caller included) may share one multiply; 1 runs on the caller alone.</summary>
    public static int Threads
    {
        get => threads;
        set => threads = value is >= 1 and <= GemmWorkerPool.MaxThreads
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"GemmSettings.Threads must be between 1 and {GemmWorkerPool.MaxThreads}.");
    }

    /// <summary>The path <see cref="GemmPath.Auto"/> stands for on this CPU.</summary>
    public static GemmPath BestAvailable =>
        Vector512.IsHardwareAccelerated ? GemmPath.Vector512
        : Vector256.IsHardwareAccelerated && System.Runtime.Intrinsics.X86.Fma.IsSupported ? GemmPath.Vector256
        : GemmPath.Scalar;

    internal static GemmPath Resolve(GemmPath requested) => requested == GemmPath.Auto ? BestAvailable : requested;
}

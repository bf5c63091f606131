using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// The one place every kernel (GEMM, convolution lowering, batch norm, leaky ReLU, tanh's backward, the Adam update) reads
/// how wide its own vector loops may be and how many threads may share a call. Loops handed to <c>TensorPrimitives</c>
/// (element-wise arithmetic, sums, the GEMM's direct path for tiny products) always run at the CPU's width and on the
/// calling thread. This is global mutable state, on purpose and in two layers. The process-wide values describe the
/// machine, not a model (as a BLAS's thread count does): a program or a benchmark sets them once, and no setting changes a
/// result beyond float rounding (for one width, not even that: results are bit-identical for any thread count).
/// <see cref="Override"/> replaces them on the calling thread only, until its scope is disposed: tests force a path that
/// way without reaching tests running on other threads. The <see cref="WorkerPool"/> hands the caller's values to its
/// helper threads for each job, so every part of one call runs the same path.
/// </summary>
public static class KernelSettings
{
    private static volatile VectorWidth _processWidth = VectorWidth.Auto;
    private static volatile int _processThreads = Environment.ProcessorCount;

    // The calling thread's override: none when null / 0.
    [ThreadStatic] private static VectorWidth? _threadWidth;
    [ThreadStatic] private static int _threadThreads;

    /// <summary>
    /// The widest vectors the kernels may use. Reads the value in effect on the calling thread (an <see cref="Override"/>'s,
    /// else the process-wide one); setting it changes the process-wide value.
    /// </summary>
    public static VectorWidth VectorWidth
    {
        get => _threadWidth ?? _processWidth;
        set => _processWidth = CheckWidth(value);
    }

    /// <summary>
    /// How many threads (the caller included) may share one kernel call; 1 runs on the caller alone. Reads the value in
    /// effect on the calling thread; setting it changes the process-wide value (at first, the number of processors).
    /// </summary>
    public static int Threads
    {
        get => _threadThreads != 0 ? _threadThreads : _processThreads;
        set => _processThreads = CheckThreads(value);
    }

    /// <summary>
    /// The widest vectors this CPU runs well, read once at start-up: the GEMM micro-kernel <see cref="VectorWidth.Auto"/>
    /// stands for (the 256-bit one needs FMA).
    /// </summary>
    public static VectorWidth BestAvailable { get; } =
        Vector512.IsHardwareAccelerated ? VectorWidth.Bits512
        : Vector256.IsHardwareAccelerated && Fma.IsSupported ? VectorWidth.Bits256
        : VectorWidth.Scalar;

    /// <summary>
    /// Replaces the vector width, the thread count, or both on the calling thread (null keeps what is in effect) until
    /// the returned scope is disposed; scopes nest and must be disposed in reverse order, as <c>using</c> does.
    /// </summary>
    public static Scope Override(VectorWidth? vectorWidth = null, int? threads = null)
    {
        var width = vectorWidth is { } w ? CheckWidth(w) : _threadWidth;
        int count = threads is { } t ? CheckThreads(t) : _threadThreads;
        var scope = new Scope(_threadWidth, _threadThreads);
        (_threadWidth, _threadThreads) = (width, count);
        return scope;
    }

    /// <summary>The GEMM micro-kernel for <paramref name="requested"/>: Auto is <see cref="BestAvailable"/>; any other width runs as asked, emulated where the CPU lacks it.</summary>
    internal static VectorWidth GemmKernel(VectorWidth requested) => requested == VectorWidth.Auto ? BestAvailable : requested;

    /// <summary>
    /// Whether the width in effect on this thread lets a loop use vectors of <paramref name="width"/> (Bits512 or Bits256);
    /// the loop still checks that the CPU runs them.
    /// </summary>
    internal static bool Allows(VectorWidth width) => VectorWidth switch
    {
        VectorWidth.Auto or VectorWidth.Bits512 => true,
        VectorWidth.Bits256 => width == VectorWidth.Bits256,
        _ => false,
    };

    private static VectorWidth CheckWidth(VectorWidth value) => value is >= VectorWidth.Auto and <= VectorWidth.Scalar
        ? value
        : throw new ArgumentOutOfRangeException(nameof(value), value, "KernelSettings.VectorWidth must be Auto, Bits512, Bits256 or Scalar.");

    private static int CheckThreads(int value) => value is >= 1 and <= WorkerPool.MaxThreads
        ? value
        : throw new ArgumentOutOfRangeException(nameof(value), value, $"KernelSettings.Threads must be between 1 and {WorkerPool.MaxThreads}.");

    /// <summary>Restores the calling thread's previous override when disposed.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly VectorWidth? _width;
        private readonly int _threads;

        internal Scope(VectorWidth? width, int threads) => (this._width, this._threads) = (width, threads);

        /// <summary>Puts back the override the calling thread had before this scope (none, or an outer scope's).</summary>
        public void Dispose() => (_threadWidth, _threadThreads) = (_width, _threads);
    }
}

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// A register-blocked micro-kernel: C[MR×NR] = alpha·Ap·Bp (+ C when <c>add</c>), where Ap is a packed
/// MR-row panel (MR values per k step) and Bp a packed NR-column panel (NR values per k step).
/// Implemented by structs so the blocked driver is specialised per kernel by the JIT.
/// </summary>
internal unsafe interface IMicroKernel
{
    static abstract int MR { get; }
    static abstract int NR { get; }
    static abstract void Run(int kc, float* a, float* b, float* c, nint ldc, float alpha, bool add);
}

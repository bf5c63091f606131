namespace GanDsl.Tensors.Kernels;

/// <summary>
/// A register-blocked micro-kernel: C[MR×NR] = alpha·A·Bp (+ C when <c>add</c>), where Bp is a packed NR-column panel (NR
/// values per k step) and A's value for row r and k step p is at <c>a[r·aRow + p·aStep]</c>: a packed MR-row panel
/// (aRow 1, aStep MR) or MR rows of a stored row-major matrix read in place (aRow its row stride, aStep 1). Each element
/// of C is the same multiply-adds in the same order either way, so the same bits.
/// Implemented by structs so the blocked driver is specialised per kernel by the JIT.
/// </summary>
internal unsafe interface IMicroKernel
{
    static abstract int MR { get; }
    static abstract int NR { get; }
    static abstract void Run(int kc, float* a, nint aRow, nint aStep, float* b, float* c, nint ldc, float alpha, bool add);
}

namespace GanDsl.Tensors.Kernels;

/// <summary>How wide the kernels' SIMD vectors may be (<see cref="KernelSettings.VectorWidth"/>).</summary>
public enum VectorWidth
{
    /// <summary>
    /// No limit: every kernel uses the widest vectors the CPU runs well for it (the GEMM the micro-kernel of
    /// <see cref="KernelSettings.BestAvailable"/>).
    /// </summary>
    Auto,

    /// <summary>Vector512 loops where the CPU has them, else Vector256; the GEMM runs its 512-bit micro-kernel.</summary>
    Bits512,

    /// <summary>At most Vector256 loops; the GEMM runs its 256-bit micro-kernel.</summary>
    Bits256,

    /// <summary>The scalar loop of every kernel that has one, and the GEMM's scalar micro-kernel: the reference path tests compare the others with.</summary>
    Scalar,
}

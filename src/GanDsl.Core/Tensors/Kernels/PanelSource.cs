namespace GanDsl.Tensors.Kernels;

/// <summary>
/// A GEMM operand that is not a plain strided matrix (an implicit GEMM's patches, gathered from an image in place):
/// it packs its own panels in the layout of <see cref="GemmPacking"/>. Called by several threads at once, so an
/// implementation keeps no mutable state.
/// </summary>
internal abstract unsafe class PanelSource
{
    /// <summary>
    /// Packs lines [start, start + count) of the operand (rows of op(A) or columns of op(B)) for k steps [p0, p0 + kc)
    /// into <paramref name="dst"/> as panels of <paramref name="panel"/> lines (panel q at dst + q·kc, zero-padded),
    /// exactly as <see cref="GemmPacking"/> packs a stored matrix. Stores may spill up to 16 floats past the last panel.
    /// </summary>
    public abstract void Pack(int panel, int start, int count, int p0, int kc, float* dst);

    /// <summary>
    /// The memory <see cref="Pack"/> will read for lines [start, start + count) and k steps [p0, p0 + kc), or a block
    /// around it, for the multiply to fetch into cache ahead of packing (<see cref="PrefetchRegion"/>); none by default.
    /// </summary>
    public virtual PrefetchRegion Upcoming(int start, int count, int p0, int kc) => default;
}

/// <summary>
/// Where a GEMM's product C lives when it is not one strided matrix (a convolution's NCHW output: one block per image,
/// or every s-th pixel of it). Called by several threads at once, on distinct elements.
/// </summary>
internal abstract unsafe class TileSink
{
    /// <summary>
    /// The address of C[i, j] and the stride between rows i and i + 1 when C[i.., j..j + columns) is stored as a
    /// strided block (rows apart by the stride, columns contiguous); false when it is not.
    /// </summary>
    public abstract bool TryBlock(int i, int j, int columns, out float* c, out nint ldc);

    /// <summary>tile[r·ld + x] = C[i + r, j + x] for r below <paramref name="rows"/> and x below <paramref name="columns"/>.</summary>
    public abstract void Load(int i, int j, int rows, int columns, float* tile, int ld);

    /// <summary>C[i + r, j + x] = tile[r·ld + x].</summary>
    public abstract void Store(int i, int j, int rows, int columns, float* tile, int ld);
}

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

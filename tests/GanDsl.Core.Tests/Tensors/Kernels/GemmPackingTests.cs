using GanDsl.Tensors.Kernels;

namespace GanDsl.Core.Tests.Tensors.Kernels;

/// <summary>
/// The panels GEMM packing writes, value by value, against their definition: panel q of a block holds
/// op(A)[i0 + q + x, p0 + p] at p·MR + x, zeros past the rows. The AVX2 kernel's A read down a transposed operand's rows
/// (a weight gradient's dy) is copied eight floats a step; nothing past the block may change, and the ragged panel and the
/// block's last step must come out exact.
/// </summary>
public class GemmPackingTests
{
    [Theory]
    [InlineData(6, 18, 18, 0, 5)]    // three full panels; the last one's 8-wide reads run into the next stored row
    [InlineData(6, 23, 23, 0, 9)]    // three full panels and a ragged one of 5 rows
    [InlineData(6, 40, 64, 12, 128)] // rows from the middle of a wider stored row, a weight gradient's k of 128
    [InlineData(8, 30, 30, 0, 7)]    // the AVX-512 kernel's panels
    [InlineData(4, 9, 12, 3, 1)]     // one k step: the scalar kernel's panels
    public unsafe void TransposedAPanelsHoldTheirRowsAndNothingElse(int mr, int rows, int lda, int i0, int kc)
    {
        const int p0 = 2, guard = 24;
        int storedRows = p0 + kc;
        var a = Enumerable.Range(0, storedRows * lda).Select(i => i * 0.25f - 7f).ToArray(); // A stored k × m
        int panels = (rows + mr - 1) / mr;
        var dst = Enumerable.Repeat(float.NaN, panels * mr * kc + guard).ToArray();
        fixed (float* pa = a, pd = dst) GemmPacking.PackA(mr, transA: true, pa, lda, i0, rows, p0, kc, pd);

        for (int q = 0; q < panels; q++)
        for (int p = 0; p < kc; p++)
        for (int x = 0; x < mr; x++)
        {
            int row = q * mr + x;
            float expected = row < rows ? a[(p0 + p) * lda + i0 + row] : 0f;
            Assert.Equal(expected, dst[(q * kc + p) * mr + x]);
        }
        Assert.All(dst[(panels * mr * kc)..], v => Assert.True(float.IsNaN(v), "written past the packed block"));
    }
    [Theory]
    [InlineData(32, 45, 64, 3, 27)]  // a full panel of four 8-line groups and a ragged one; k steps past the last 8
    [InlineData(16, 32, 1024, 0, 40)] // the AVX2 kernel's panels, lines a power-of-two stride apart
    [InlineData(32, 7, 20, 1, 5)]    // fewer lines than one group, fewer steps than one block
    public unsafe void TransposedBPanelsHoldTheirColumnsAndNothingElse(int nr, int cols, int ldb, int j0, int kc)
    {
        const int p0 = 5, guard = 24;
        var b = Enumerable.Range(0, (j0 + cols) * ldb).Select(i => i * 0.5f - 11f).ToArray(); // B stored n × k (op(B) = Bᵀ)
        int panels = (cols + nr - 1) / nr;
        var dst = Enumerable.Repeat(float.NaN, panels * nr * kc + guard).ToArray();
        fixed (float* pb = b, pd = dst) GemmPacking.PackB(nr, transB: true, pb, ldb, j0, cols, p0, kc, pd);

        for (int q = 0; q < panels; q++)
        for (int p = 0; p < kc; p++)
        for (int x = 0; x < nr; x++)
        {
            int col = q * nr + x;
            float expected = col < cols ? b[(j0 + col) * ldb + p0 + p] : 0f;
            Assert.Equal(expected, dst[(q * kc + p) * nr + x]);
        }
        Assert.All(dst[(panels * nr * kc)..], v => Assert.True(float.IsNaN(v), "written past the packed block"));
    }
}

using GanDsl.Tensors.Kernels;

namespace GanDsl.Core.Tests.Tensors.Kernels;

/// <summary>
/// The panels GEMM packing writes, value by value, against their definition: panel q of a block holds
/// op(A)[i0 + q + x, p0 + p] at p·MR + x (op(B)'s columns likewise at p·NR + x), zeros past the rows. The AVX2 kernel's A
/// read down a transposed operand's rows (a weight gradient's dy) is copied eight floats a step, and a transposed B is
/// read eight lines at a time along all of k; nothing past the block may change, and the ragged panel and the block's
/// last steps must come out exact.
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
        const int p0 = 2;
        var a = Enumerable.Range(0, (p0 + kc) * lda).Select(i => i * 0.25f - 7f).ToArray(); // A stored k × m
        var dst = Destination(mr, rows, kc);
        fixed (float* pa = a, pd = dst) GemmPacking.PackA(mr, transA: true, pa, lda, i0, rows, p0, kc, pd);
        AssertPanels(dst, mr, rows, kc, (line, p) => a[(p0 + p) * lda + i0 + line]);
    }

    [Theory]
    [InlineData(32, 45, 64, 3, 27)]   // a full panel of four 8-line groups and a ragged one; k steps past the last 8
    [InlineData(16, 32, 1024, 0, 40)] // the AVX2 kernel's panels, lines a power-of-two stride apart
    [InlineData(32, 7, 20, 1, 5)]     // fewer lines than one group, fewer steps than one block
    public unsafe void TransposedBPanelsHoldTheirColumnsAndNothingElse(int nr, int cols, int ldb, int j0, int kc)
    {
        const int p0 = 5;
        var b = Enumerable.Range(0, (j0 + cols) * ldb).Select(i => i * 0.5f - 11f).ToArray(); // B stored n × k (op(B) = Bᵀ)
        var dst = Destination(nr, cols, kc);
        fixed (float* pb = b, pd = dst) GemmPacking.PackB(nr, transB: true, pb, ldb, j0, cols, p0, kc, pd);
        AssertPanels(dst, nr, cols, kc, (line, p) => b[(j0 + line) * ldb + p0 + p]);
    }

    private const int Guard = 24;

    // Room for the block's panels and a guard past them, all NaN, so a value not written (or written past) shows.
    private static float[] Destination(int panel, int lines, int kc) =>
        Enumerable.Repeat(float.NaN, (lines + panel - 1) / panel * panel * kc + Guard).ToArray();

    // Line x of panel q holds expected(q·panel + x, p) at step p, zeros past the last line, and the guard is untouched.
    private static void AssertPanels(float[] dst, int panel, int lines, int kc, Func<int, int, float> expected)
    {
        int panels = (lines + panel - 1) / panel;
        for (int q = 0; q < panels; q++)
        for (int p = 0; p < kc; p++)
        for (int x = 0; x < panel; x++)
        {
            int line = q * panel + x;
            Assert.Equal(line < lines ? expected(line, p) : 0f, dst[(q * kc + p) * panel + x]);
        }
        Assert.All(dst[(panels * panel * kc)..], v => Assert.True(float.IsNaN(v), "written past the packed block"));
    }
}

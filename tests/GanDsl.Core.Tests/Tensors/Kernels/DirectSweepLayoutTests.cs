using GanDsl.Tensors.Kernels;

namespace GanDsl.Core.Tests.Tensors.Kernels;

/// <summary>
/// When a direct sweep runs flat (its plane read as one long row) rather than by rows. Both layouts give every output the
/// same chain of multiply-adds, and the scalar loop always runs by rows, so ConvolutionPathTests' comparison of each width
/// with the scalar loop checks the flat layout's bits on its geometries that take it (the transposed convolution into
/// 34 × 34, lightning-cnn's D2, rows of 60).
/// </summary>
public unsafe class DirectSweepLayoutTests
{
    private static DirectConvolution.Sweep Sweep(int rows, int columns, int inputRowStep, bool pairsDiffer = false) =>
        new() { Rows = rows, Columns = columns, InputRowStep = inputRowStep, PairsDiffer = pairsDiffer };

    [Theory]
    [InlineData(16)]
    [InlineData(8)]
    public void NarrowRowsRunFlat(int lanes)
    {
        // lightning-cnn G2's transposed convolution: 17 rows of 34 per sweep, doubled gradient rows of 36.
        Assert.True(Sweep(17, 34, 36, pairsDiffer: true).FlatPays(lanes));
        // Its last layer's input gradient: 34 × 34 from a gradient bordered to 40 × 40.
        Assert.True(Sweep(34, 34, 40).FlatPays(lanes));
        // Rows of 64 (three vectors of 16 and a masked one) from 66.
        Assert.True(Sweep(64, 64, 66).FlatPays(lanes));
    }

    [Fact]
    public void RowsOfEightRunFlatOnSixteenLanes()
    {
        Assert.True(Sweep(8, 8, 12).FlatPays(16)); // lightning-cnn D2's forward map, 8 × 8 from 12 × 12
        Assert.False(Sweep(8, 8, 12).FlatPays(8));
    }

    [Fact]
    public void RowsThatFillTheirVectorsRunByRows()
    {
        Assert.False(Sweep(28, 28, 34).FlatPays(16)); // lightning-cnn G3 forward: 28 of 32 lanes by rows, 82% flat
        Assert.False(Sweep(32, 32, 34).FlatPays(16)); // whole vectors
        Assert.False(Sweep(14, 7, 32).FlatPays(16));  // stride 2 reads every other input row: flat would waste more
    }

    [Fact]
    public void DifferentEvenAndOddWeightsNeedAnEvenRowStep()
    {
        // An odd step would move every other row's columns onto lanes of the other parity.
        Assert.False(Sweep(17, 34, 37, pairsDiffer: true).FlatPays(16));
        Assert.True(Sweep(17, 34, 37).FlatPays(16));
    }

    [Fact]
    public void TheScalarLoopRunsByRows() => Assert.False(Sweep(17, 34, 36).FlatPays(1));
}

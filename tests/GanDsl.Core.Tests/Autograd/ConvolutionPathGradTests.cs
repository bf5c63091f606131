using GanDsl.Autograd;
using GanDsl.Tensors;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Core.Tests.Autograd;

/// <summary>
/// The convolution ops against finite differences on shapes where the kernels pick each of their paths (asserted first,
/// so a change of the picking rules cannot silently leave a path unchecked): the backward of every op runs the other two maps.
/// </summary>
public class ConvolutionPathGradTests
{
    [Fact]
    public void Conv2d_from_one_channel_runs_direct_and_matches_finite_differences()
    {
        var rng = new Rng(3);
        var x = GradCheck.Random(rng, 2, 1, 7, 7);
        var w = GradCheck.Random(rng, 3, 1, 3, 3); // 3 output channels: few enough that the input gradient runs direct too
        var b = GradCheck.Random(rng, 3);
        AssertPaths(ConvGeometry.ForConv(2, 1, 7, 7, 3, 3, 1, 0), ConvAlgorithm.Direct, ConvAlgorithm.Direct, ConvAlgorithm.Direct);
        GradCheck.Assert(t => GradCheck.Weighted(Ops.Conv2d(t[0], t[1], t[2]), 3), x, w, b);
    }

    [Fact]
    public void Conv2d_with_stride_2_runs_the_implicit_gemm_and_matches_finite_differences()
    {
        var rng = new Rng(4);
        var x = GradCheck.Random(rng, 2, 3, 8, 8);
        var w = GradCheck.Random(rng, 12, 3, 3, 3);
        var b = GradCheck.Random(rng, 12);
        AssertPaths(ConvGeometry.ForConv(2, 3, 8, 8, 12, 3, 2, 1), ConvAlgorithm.Implicit, ConvAlgorithm.Implicit,
            Lanes.For() == LaneWidth.Bits512 ? ConvAlgorithm.Direct : ConvAlgorithm.Lowered);
        GradCheck.Assert(t => GradCheck.Weighted(Ops.Conv2d(t[0], t[1], t[2], stride: 2, padding: 1), 4), x, w, b);
    }

    [Theory]
    [InlineData(VectorWidth.Bits512)]
    [InlineData(VectorWidth.Bits256)]
    public void Conv_transpose2d_with_stride_2_runs_direct_with_avx512_and_matches_finite_differences(VectorWidth width)
    {
        using var scope = KernelSettings.Override(width);
        var rng = new Rng(5);
        var x = GradCheck.Random(rng, 2, 4, 3, 3);
        var w = GradCheck.Random(rng, 4, 6, 4, 4);
        var b = GradCheck.Random(rng, 6);
        // The transposed convolution 4 → 6 is the input-adjoint of the convolution 6 → 4 over its 8 × 8 output; its
        // direct loops pay only with AVX-512 (elsewhere, and where the CPU lacks it, the lowered GEMM runs).
        var direct = Lanes.For() == LaneWidth.Bits512 ? ConvAlgorithm.Direct : ConvAlgorithm.Lowered;
        AssertPaths(new ConvGeometry(2, 6, 8, 8, 4, 4, 2, 0, 3, 3), ConvAlgorithm.Implicit, direct,
            Lanes.For() == LaneWidth.Bits512 ? ConvAlgorithm.Direct : ConvAlgorithm.Lowered);
        GradCheck.Assert(t => GradCheck.Weighted(Ops.ConvTranspose2d(t[0], t[1], t[2], stride: 2), 5), x, w, b);
    }

    [Fact]
    public void Conv2d_over_the_whole_image_runs_as_a_matrix_product_and_matches_finite_differences()
    {
        var rng = new Rng(6);
        var x = GradCheck.Random(rng, 3, 3, 4, 4);
        var w = GradCheck.Random(rng, 2, 3, 4, 4);
        AssertPaths(ConvGeometry.ForConv(3, 3, 4, 4, 2, 4, 1, 0), ConvAlgorithm.WholeImage, ConvAlgorithm.WholeImage, ConvAlgorithm.WholeImage);
        GradCheck.Assert(t => GradCheck.Weighted(Ops.Conv2d(t[0], t[1]), 6), x, w);
    }

    private static void AssertPaths(ConvGeometry g, ConvAlgorithm forward, ConvAlgorithm inputGrad, ConvAlgorithm weightGrad)
    {
        Assert.Equal(forward, Convolution.Pick(ConvAlgorithm.Auto, g, ConvMap.Forward));
        Assert.Equal(inputGrad, Convolution.Pick(ConvAlgorithm.Auto, g, ConvMap.InputGrad));
        Assert.Equal(weightGrad, Convolution.Pick(ConvAlgorithm.Auto, g, ConvMap.WeightGrad));
    }
}

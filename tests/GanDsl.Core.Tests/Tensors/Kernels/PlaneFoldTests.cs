using GanDsl.Tensors;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Core.Tests.Tensors.Kernels;

/// <summary>
/// col2im of one channel over a run of images (<see cref="PlaneUnfold.Fold"/>): the vector loops give the scalar loop's
/// bits, and write only inside each image's plane (the lanes of a vector past a narrow row must not reach the gap after
/// the plane).
/// </summary>
public class PlaneFoldTests
{
    [Theory]
    [InlineData(14, 4, 2, 1, 6)] // dcgan's 32→64 input gradient: 7×7 patches onto 14×14, four images at once and then two
    [InlineData(7, 3, 2, 1, 5)]  // dcgan's 64→128: 4×4 onto 7×7, rows narrower than half a vector
    [InlineData(16, 4, 2, 1, 3)] // rows of a whole vector
    [InlineData(9, 3, 1, 1, 4)]  // stride 1
    [InlineData(5, 1, 2, 0, 2)]  // k = 1, stride 2: every other row and column gets nothing
    [InlineData(20, 3, 2, 1, 2)] // rows longer than a vector: a whole chunk and a masked one
    [InlineData(1, 1, 1, 0, 3)]  // one pixel
    public unsafe void VectorFoldGivesTheScalarBitsAndStaysInsideEachPlane(int size, int kernel, int stride, int padding, int images)
    {
        var g = ConvGeometry.ForConv(images, 1, size, size, 1, kernel, stride, padding);
        int kk = kernel * kernel, columns = images * g.OutPlane, gap = 37;
        long planeStride = g.InPlane + gap;
        var windows = PatchWindow.All(g, []);
        var cols = new float[kk * columns];
        new Rng(3).FillNormal(cols);
        float[] Fold(VectorWidth width)
        {
            var planes = Enumerable.Repeat(float.NaN, (int)(images * planeStride)).ToArray();
            using var scope = KernelSettings.Override(width);
            fixed (float* c = cols, p = planes) PlaneUnfold.Fold(g, windows, c, columns, p, planeStride, images);
            return planes;
        }

        var expected = Fold(VectorWidth.Scalar);
        for (int i = 0; i < images; i++)
        {
            Assert.All(expected.AsSpan((int)(i * planeStride), g.InPlane).ToArray(), v => Assert.False(float.IsNaN(v)));
            Assert.All(expected.AsSpan((int)(i * planeStride) + g.InPlane, gap).ToArray(), v => Assert.True(float.IsNaN(v)));
        }
        foreach (var width in new[] { VectorWidth.Bits512, VectorWidth.Bits256, VectorWidth.Auto })
        {
            var actual = Fold(width);
            Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), actual.Select(BitConverter.SingleToInt32Bits));
        }
    }
}
